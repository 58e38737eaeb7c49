using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Bot.Tests.Conversations.Infrastructure;
using SupportBot.Core.Support.Tickets;
using SupportBot.Dialogs.Heap.State;
using Xunit.Abstractions;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>Provide's follow-through and customer memory, through the chat composition.</summary>
public sealed class FollowUpConversationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_TicketResolvedByAnAgent_CustomerToldOnTheirChannelAndRatingStored()
    {
        await using var chat = await ChatSession.StartAsync();
        var heard = await chat.SayAsync("my order 4411 arrived damaged", "yes", "Replacement");
        output.WriteLine(heard.ToString());
        var reference = System.Text.RegularExpressions.Regex.Match(heard.Reply(-1), @"T-\d+").Value;

        // An agent resolves it in the ticket system; the follow-up poll notices.
        var tickets = chat.Services.GetRequiredService<ITicketService>();
        await tickets.ResolveAsync(reference, "Replacement delivered");
        var poller = chat.Services.GetServices<IHostedService>().OfType<SupportBot.Bot.Conversation.TicketFollowUpService>().Single();
        await poller.PollOnceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);

        var proactive = Assert.Single(chat.TakeNewActivities());
        output.WriteLine(proactive.Text);
        Assert.Contains(reference, proactive.Text);
        Assert.Contains("resolved", proactive.Text);
        Assert.Equal(5, proactive.SuggestedActions!.Actions!.Count);

        var rated = await chat.SayAsync("5");
        Assert.Contains("Thank", rated.Reply(0));

        // Polling again does not tell them twice.
        await poller.PollOnceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        Assert.Empty(chat.TakeNewActivities());
    }

    [Fact]
    public async Task Chat_KnownConsoleIdentity_WelcomedBackWithOpenTicket()
    {
        var transcript = await ChatRunner.RunAsync(["hi", "yes"], userId: "console-sam");
        output.WriteLine(transcript.ToString());

        Assert.Equal("Welcome back, Sam — is this about ticket T-1042?", transcript.Reply(0));
        Assert.Contains("T-1042", transcript.Reply(1));
        Expect.NoApology(transcript);
    }

    [Fact]
    public async Task Chat_StrangerTypesSamsEmailAndOrder_NothingOfSamsShown()
    {
        var transcript = await ChatRunner.RunAsync(["hi", "I'm sam.rivera@example.com — what's the status of order 4411 and ticket T-1042?", "yes"]);
        output.WriteLine(transcript.ToString());

        Assert.DoesNotContain("Sam", transcript.AllBotText);
        Assert.DoesNotContain("Rivera", transcript.AllBotText);
        Assert.DoesNotContain("ablet", transcript.AllBotText);
        Assert.DoesNotContain("mug", transcript.AllBotText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Chat_TenTurnConversation_NoApologyRepeats()
    {
        var transcript = await ChatRunner.RunAsync(
        [
            "my order 4411 arrived damaged", "yes", "Replacement",
            "also the blender from order 4405 stopped working", "yes", "Repair",
            "and I was charged twice for order 4398, that's annoying", "yes", "Investigate it",
            "and my order 4402 is late",
        ]);
        output.WriteLine(transcript.ToString());

        Assert.True(transcript.Apologies.Count >= 3, transcript.ToString());
        Expect.NoRepeatedApology(transcript);
    }

    [Fact]
    public async Task Chat_Outcome_StoredPerConversation()
    {
        await using var chat = await ChatSession.StartAsync();
        await chat.SayAsync("What are your opening hours?");

        var storage = chat.Services.GetRequiredService<SupportBot.Core.Storage.IStorage>();
        var key = (await storage.ReadAsync([$"console/conversations/{chat.Services.GetRequiredService<SupportBot.Connectors.Console.ConsoleOptions>().ConversationId}"])).Single().Value;
        Assert.Equal(Outcomes.ResolvedFirstContact, key.Value.GetProperty(ConversationOutcome.Property).GetProperty("kind").GetString());
    }
}
