using MimeKit;
using SupportBot.Bot.Tests.Email.Infrastructure;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Email;

/// <summary>
/// The bot process (the built host, durable SQLite) is killed with SIGKILL while customers' mails are arriving,
/// and restarted: every mail gets exactly one answer (issue 7, "Done when").
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class EmailKillRestartTests(MailServer mail) : IDisposable
{
    private const int Mails = 12;

    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task BotKilledWhileMailsArrive_AfterRestartEveryMailHasExactlyOneAnswer()
    {
        var support = mail.NewSupportMailbox();
        var customers = Enumerable.Range(0, 4).Select(_ => mail.NewCustomerMailbox()).ToList();
        var sent = Enumerable.Range(0, Mails)
            .Select(i => CustomerMail.New(customers[i % customers.Count], support, $"Question {i}", i % 2 == 0 ? "What are your opening hours?" : "my order 4411 arrived with a cracked screen"))
            .ToList();

        using (var first = await StartBotAsync(support))
        {
            await SendAllAsync(sent.Take(4));
            await WaitAsync(async () => await AnsweredAsync(customers, sent) >= 3, first, "the first answers");

            // More mails arrive and the bot is killed while it reads and answers them; more come while it is down.
            await SendAllAsync(sent.Skip(4).Take(4));
            first.Kill();
            await SendAllAsync(sent.Skip(8));
        }

        using (var second = await StartBotAsync(support))
        {
            await WaitAsync(async () => await AnsweredAsync(customers, sent) == Mails, second, "every mail to be answered after the restart");
            await mail.WaitQueueEmptyAsync();

            // One poll interval more (the outbox retries every second): nothing further may arrive.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await mail.WaitQueueEmptyAsync();
            second.Kill();
        }

        var replies = new List<MimeMessage>();
        foreach (var customer in customers)
        {
            replies.AddRange(await mail.ReadAsync(customer));
        }

        foreach (var message in sent)
        {
            // An SMTP server's "250 OK" and the outbox's delivered mark cannot be one transaction: a kill in
            // between re-sends the same mail with the same Message-ID, which mail clients show once. So one
            // answer = one distinct Message-ID.
            var answers = replies.Where(r => r.InReplyTo == message.MessageId).Select(r => r.MessageId).Distinct().ToList();
            Assert.True(answers.Count == 1, $"'{message.Subject}' got {answers.Count} answers.");
        }
    }

    public void Dispose() => RepoPaths.DeleteTempFolder(_folder);

    private async Task<BotProcess> StartBotAsync(string support)
    {
        var port = BotProcess.FreePort();
        var args = new List<string> { "--urls", $"http://127.0.0.1:{port}" };
        foreach (var (key, value) in mail.BotSettings(support))
        {
            args.Add($"--{key}={value}");
        }

        var bot = BotProcess.Start(_folder, args);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = BotProcess.Timeout };
        try
        {
            await bot.WaitHealthyAsync(client);
        }
        catch
        {
            bot.Dispose();
            throw;
        }

        return bot;
    }

    private async Task SendAllAsync(IEnumerable<MimeMessage> messages)
    {
        foreach (var message in messages)
        {
            await mail.SendAsync(message);
        }
    }

    private async Task<int> AnsweredAsync(IEnumerable<string> customers, IReadOnlyList<MimeMessage> sent)
    {
        var answered = new HashSet<string>();
        foreach (var customer in customers)
        {
            foreach (var reply in await mail.ReadAsync(customer))
            {
                if (reply.InReplyTo is { } id)
                {
                    answered.Add(id);
                }
            }
        }

        return sent.Count(m => answered.Contains(m.MessageId!));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, BotProcess bot, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!await condition())
        {
            if (bot.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what} (bot exited: {bot.HasExited}).\nstderr:\n{bot.Stderr}\nstdout tail:\n{string.Join('\n', bot.Stdout.Split('\n').TakeLast(30))}");
            }

            await Task.Delay(300);
        }
    }
}
