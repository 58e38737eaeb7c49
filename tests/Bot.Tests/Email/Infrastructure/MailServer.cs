using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace SupportBot.Bot.Tests.Email.Infrastructure;

/// <summary>
/// A real Postfix (SMTP on 127.0.0.1) delivering over LMTP to a real Dovecot (IMAP on 127.0.0.1), both
/// started directly with their own configuration, queue and mail under one temporary directory, on free
/// ports; the machine's /etc/postfix and /etc/dovecot are never touched. Domains <c>support.test</c> and
/// <c>customer.test</c>; mailboxes are Dovecot passwd-file users, a fresh one for each use. test.sh installs the
/// Debian packages (postfix, dovecot-imapd, dovecot-lmtpd) when they are missing.
/// </summary>
public sealed class MailServer : IAsyncLifetime
{
    public const string SupportDomain = "support.test";
    public const string CustomerDomain = "customer.test";
    public const string Password = "secret";

    private const string Postfix = "/usr/sbin/postfix";
    private const string Dovecot = "/usr/sbin/dovecot";
    private const string Doveadm = "/usr/bin/doveadm";
    private const int MaxSupport = 100;
    private const int MaxCustomers = 400;

    private int _supportUsed;
    private int _customersUsed;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "supportbot-mail-" + Guid.NewGuid().ToString("N")[..8]);

    public int SmtpPort { get; } = FreePort();

    public int ImapPort { get; } = FreePort();

    private int LmtpPort { get; } = FreePort();

    private string UsersFile => Path.Combine(_root, "users");

    private string DovecotConfig => Path.Combine(_root, "dovecot.conf");

    private string PostfixConfig => Path.Combine(_root, "postfix");

    public async Task InitializeAsync()
    {
        foreach (var tool in new[] { Postfix, Dovecot, Doveadm })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is missing: install the Debian packages postfix, dovecot-imapd and dovecot-lmtpd (./test.sh does it).");
            }
        }

        Directory.CreateDirectory(_root);
        foreach (var dir in new[] { "postfix", "queue", "data", "dovecot/run", "dovecot/state", "mail" })
        {
            Directory.CreateDirectory(Path.Combine(_root, dir));
        }

        // Postfix wants its data directory owned by its mail owner; mail is stored as the 'mail' user (uid 8),
        // since Dovecot refuses to store mail as root.
        await RunAsync("chown", "postfix", Path.Combine(_root, "data"));
        await RunAsync("chown", "8:8", Path.Combine(_root, "mail"));
        File.WriteAllText(UsersFile, Users());
        File.WriteAllText(Path.Combine(PostfixConfig, "main.cf"), PostfixMain());
        File.WriteAllText(Path.Combine(PostfixConfig, "master.cf"), PostfixMaster());
        File.WriteAllText(DovecotConfig, DovecotConf());
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Environment.GetEnvironmentVariable("SUPPORTBOT_KEEP_MAIL_DIR") is "1")
        {
            return; // for reading the daemons' logs after a failure
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A daemon still closing a file: the temp folder is left behind, nothing else.
        }
    }

    /// <summary>Starts Dovecot and Postfix and waits until both listen.</summary>
    public async Task StartAsync()
    {
        await RunAsync(Dovecot, "-c", DovecotConfig);
        await RunAsync(Postfix, "-c", PostfixConfig, "start");
        await WaitForPortAsync(ImapPort, open: true);
        await WaitForPortAsync(SmtpPort, open: true);
        await WaitForPortAsync(LmtpPort, open: true);
    }

    /// <summary>Stops both daemons (the bot's connections drop) and waits until their ports are closed.</summary>
    public async Task StopAsync()
    {
        await RunAsync(Postfix, ignoreFailure: true, "-c", PostfixConfig, "stop");
        await RunAsync(Doveadm, ignoreFailure: true, "-c", DovecotConfig, "stop");
        await WaitForPortAsync(ImapPort, open: false);
        await WaitForPortAsync(SmtpPort, open: false);
    }

    /// <summary>Stops Postfix only: SMTP submissions fail while IMAP still works.</summary>
    public async Task StopSmtpAsync()
    {
        await RunAsync(Postfix, "-c", PostfixConfig, "stop");
        await WaitForPortAsync(SmtpPort, open: false);
    }

    public async Task StartSmtpAsync()
    {
        await RunAsync(Postfix, "-c", PostfixConfig, "start");
        await WaitForPortAsync(SmtpPort, open: true);
    }

    /// <summary>Waits until Postfix has delivered everything it accepted.</summary>
    public async Task WaitQueueEmptyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string[] queues = ["maildrop", "incoming", "active", "deferred", "hold"];
        while (queues.Any(q => Directory.Exists(Path.Combine(_root, "queue", q))
            && Directory.EnumerateFiles(Path.Combine(_root, "queue", q), "*", SearchOption.AllDirectories).Any()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Postfix's queue did not empty within 90 s.\n" + Tail("postfix.log"));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Puts a mail straight into a mailbox over IMAP (APPEND), bypassing SMTP.</summary>
    public async Task AppendAsync(string address, MimeMessage message)
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        await client.Inbox.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>
    /// Makes Dovecot renumber a mailbox: its UID list and indexes are removed (no session may be open), so the
    /// next session sees a new UIDVALIDITY and new UIDs for the same mails (RFC 3501 §2.3.1.1).
    /// </summary>
    public void ResetUids(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var maildir = Path.Combine(_root, "mail", address[(at + 1)..], address[..at], "Maildir");
        foreach (var file in Directory.EnumerateFiles(maildir).Where(f => Path.GetFileName(f).StartsWith("dovecot", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
    }

    /// <summary>A support mailbox no other test uses.</summary>
    public string NewSupportMailbox() => $"support{Interlocked.Increment(ref _supportUsed)}@{SupportDomain}";

    /// <summary>A customer mailbox no other test uses.</summary>
    public string NewCustomerMailbox() => $"customer{Interlocked.Increment(ref _customersUsed)}@{CustomerDomain}";

    /// <summary>
    /// The mailboxes, all written before Dovecot starts: its passwd-file cache does not notice lines appended
    /// within the same second, so mailboxes are handed out from this fixed set instead of added per test.
    /// </summary>
    private string Users()
    {
        var users = new StringBuilder();
        foreach (var (local, domain, count) in new[] { ("support", SupportDomain, MaxSupport), ("customer", CustomerDomain, MaxCustomers) })
        {
            for (var i = 1; i <= count; i++)
            {
                users.Append($"{local}{i}@{domain}:{{PLAIN}}{Password}:8:8::{Path.Combine(_root, "mail", domain, local + i)}::\n");
            }
        }

        return users.ToString();
    }

    /// <summary>The bot's <c>Channels:Email</c> settings for a support mailbox on this server.</summary>
    public Dictionary<string, string?> BotSettings(string supportAddress) => new()
    {
        ["Channels:Email:Imap:Host"] = "127.0.0.1",
        ["Channels:Email:Imap:Port"] = ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Channels:Email:Imap:Security"] = "None",
        ["Channels:Email:Imap:User"] = supportAddress,
        ["Channels:Email:Imap:Password"] = Password,
        ["Channels:Email:Smtp:Host"] = "127.0.0.1",
        ["Channels:Email:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Channels:Email:Smtp:Security"] = "None",
        ["Channels:Email:SupportAddress"] = supportAddress,
        ["Channels:Email:SupportName"] = "Alder & Finch Support",
        ["Channels:Email:PollInterval"] = "00:10:00", // new mail must be seen through IDLE, not a quick poll
        ["Channels:Email:ReconnectMaxDelay"] = "00:00:02",
    };

    /// <summary>Submits a mail over SMTP, as a customer's mail client would.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>Submits raw bytes over SMTP (malformed mail the client library would not produce).</summary>
    public async Task SendRawAsync(string from, string to, string raw)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, SmtpPort);
        using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        async Task ExpectAsync(string code)
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync() ?? throw new IOException("SMTP closed");
            }
            while (line.Length > 3 && line[3] == '-');
            Assert.True(line.StartsWith(code, StringComparison.Ordinal), $"SMTP said: {line}");
        }

        await ExpectAsync("220");
        await writer.WriteLineAsync("EHLO test");
        await ExpectAsync("250");
        await writer.WriteLineAsync($"MAIL FROM:<{from}>");
        await ExpectAsync("250");
        await writer.WriteLineAsync($"RCPT TO:<{to}>");
        await ExpectAsync("250");
        await writer.WriteLineAsync("DATA");
        await ExpectAsync("354");
        await writer.WriteAsync(raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        await writer.WriteLineAsync("\r\n.");
        await ExpectAsync("250");
        await writer.WriteLineAsync("QUIT");
    }

    /// <summary>The INBOX's UIDVALIDITY.</summary>
    public async Task<uint> UidValidityAsync(string address)
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var validity = client.Inbox.UidValidity;
        await client.DisconnectAsync(true);
        return validity;
    }

    /// <summary>Every mail in a mailbox folder, read over IMAP.</summary>
    public async Task<List<MimeMessage>> ReadAsync(string address, string folderName = "INBOX")
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await folder.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.All))
        {
            messages.Add(await folder.GetMessageAsync(uid));
        }

        await client.DisconnectAsync(true);
        return messages;
    }

    /// <summary>Reads the mailbox until <paramref name="done"/> holds (generous timeout: the machine is shared).</summary>
    public async Task<List<MimeMessage>> WaitForAsync(string address, Func<List<MimeMessage>, bool> done, TimeSpan? timeout = null, string folder = "INBOX")
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var messages = await ReadAsync(address, folder);
            if (done(messages))
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{address}/{folder} holds {messages.Count} mails, not what the test waits for:\n"
                    + string.Join("\n", messages.Select(m => $"- {m.Subject} (in reply to {m.InReplyTo})")) + "\nPostfix log tail:\n" + Tail("postfix.log") + "\nDovecot log tail:\n" + Tail("dovecot.log"));
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Mails the bot sent in reply to the mail with <paramref name="messageId"/>.</summary>
    public static List<MimeMessage> RepliesTo(IEnumerable<MimeMessage> inbox, string? messageId) =>
        inbox.Where(m => m.InReplyTo == messageId).ToList();

    private string Tail(string file)
    {
        var path = Path.Combine(_root, file);
        return File.Exists(path) ? string.Join("\n", File.ReadLines(path).TakeLast(15)) : "(no log)";
    }

    private static Task RunAsync(string file, params string[] args) => RunAsync(file, false, args);

    private static async Task RunAsync(string file, bool ignoreFailure, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && !ignoreFailure)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }

    private static async Task WaitForPortAsync(int port, bool open)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var listening = false;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                listening = true;
            }
            catch (SocketException)
            {
            }

            if (listening == open)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Port {port} did not {(open ? "open" : "close")} within a minute.");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string PostfixMain() => $"""
        compatibility_level = 3.6
        queue_directory = {_root}/queue
        data_directory = {_root}/data
        command_directory = /usr/sbin
        daemon_directory = /usr/lib/postfix/sbin
        meta_directory = /etc/postfix
        shlib_directory = /usr/lib/postfix
        mail_owner = postfix
        setgid_group = postdrop
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        myhostname = mail.test
        mydomain = test
        myorigin = mail.test
        mydestination =
        local_recipient_maps =
        mynetworks = 127.0.0.0/8
        relay_domains = {SupportDomain}, {CustomerDomain}
        relay_transport = lmtp:inet:127.0.0.1:{LmtpPort}
        smtpd_relay_restrictions = permit_mynetworks, reject
        maillog_file = {_root}/postfix.log
        maillog_file_prefixes = {_root}
        syslog_name = postfix-supportbot-test
        recipient_delimiter = +
        smtputf8_enable = no
        biff = no
        message_size_limit = 20000000
        """;

    private string PostfixMaster()
    {
        // Debian's master.cf with the SMTP listener moved to our port and no chroot (the queue directory is ours).
        var lines = new List<string> { $"127.0.0.1:{SmtpPort} inet n - n - - smtpd" };
        foreach (var line in File.ReadLines("/usr/share/postfix/master.cf.dist"))
        {
            if (line.StartsWith("maildrop", StringComparison.Ordinal))
            {
                break;
            }

            if (line.StartsWith('#') || line.Trim().Length == 0 || line.StartsWith("smtp      inet", StringComparison.Ordinal))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                lines.Add(line);
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8)
            {
                fields[4] = "n";
                lines.Add(string.Join(' ', fields));
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private string DovecotConf() => $$"""
        base_dir = {{_root}}/dovecot/run
        state_dir = {{_root}}/dovecot/state
        instance_name = supportbot-test-{{ImapPort}}
        log_path = {{_root}}/dovecot.log
        protocols = imap lmtp
        listen = 127.0.0.1
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:~/Maildir
        first_valid_uid = 8
        recipient_delimiter = +
        lmtp_save_to_detail_mailbox = no
        default_internal_user = dovecot
        default_login_user = dovenull
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u {{UsersFile}}
        }
        userdb {
          driver = passwd-file
          args = username_format=%u {{UsersFile}}
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{ImapPort}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service pop3-login {
          inet_listener pop3 {
            port = 0
          }
        }
        service submission-login {
          inet_listener submission {
            port = 0
          }
        }
        service lmtp {
          inet_listener lmtp {
            address = 127.0.0.1
            port = {{LmtpPort}}
          }
        }
        namespace inbox {
          inbox = yes
          separator = /
        }
        """;
}

[CollectionDefinition(Name)]
public sealed class MailServerCollection : ICollectionFixture<MailServer>
{
    public const string Name = "Mail server";
}
