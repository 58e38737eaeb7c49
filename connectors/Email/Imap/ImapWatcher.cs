using System.Threading.Channels;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Threading;

namespace SupportBot.Connectors.Email.Imap;

/// <summary>
/// Watches the support folder (issue 7, point 1). A reading connection handles new mail in UID order and
/// moves the checkpoint (UIDVALIDITY + last UID) after each mail is handled; a second connection sits in
/// IDLE (re-issued before the server's 29-minute limit) and wakes the reader when mail arrives. Without
/// IDLE the reader polls. Any connection error disconnects and reconnects with a doubling backoff; nothing
/// is skipped because the checkpoint moves only after a mail is handled. A changed UIDVALIDITY re-reads
/// the whole folder, and the handled Message-IDs keep that from answering anything twice.
/// </summary>
internal sealed partial class ImapWatcher(
    EmailConnector connector,
    EmailStore store,
    IEmailClientFactory clients,
    IOptions<EmailOptions> options,
    TimeProvider timeProvider,
    ILogger<ImapWatcher> logger)
{
    private static readonly TimeSpan MinDelay = TimeSpan.FromSeconds(1);

    private readonly EmailOptions _options = options.Value;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private string MailboxKey => $"{_options.Imap.User}@{_options.Imap.Host}:{_options.Imap.Port}/{_options.Folder}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = Task.Run(() => IdleAsync(cancellationToken), CancellationToken.None);
        try
        {
            await ReadLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await idle.ConfigureAwait(false);
        }
    }

    /// <summary>Wakes the reader (IDLE saw new mail, or a test wants a pass now).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    private Task ReadLoopAsync(CancellationToken cancellationToken) =>
        KeepConnectedAsync(ReadSessionAsync, (ex, delay) => LogReadFailed(logger, ex, delay), cancellationToken);

    /// <summary>The reading connection: a pass over new mail whenever woken (or the poll interval passes).</summary>
    private async Task<bool> ReadSessionAsync(ImapClient client, Action connected, CancellationToken cancellationToken)
    {
        var folder = await client.GetFolderAsync(_options.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        LogConnected(logger, _options.Folder, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        connected();
        while (client.IsConnected)
        {
            await ReadNewAsync(client, folder, cancellationToken).ConfigureAwait(false);
            await WaitForWakeAsync(cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>
    /// Connects and runs <paramref name="session"/> on the connection, again and again until it answers true
    /// (nothing more to do) or the host stops. A failure is logged with the wait before the next try, which
    /// doubles up to <c>ReconnectMaxDelay</c> and starts again at a second once a session calls its
    /// <c>connected</c> callback.
    /// </summary>
    private async Task KeepConnectedAsync(
        Func<ImapClient, Action, CancellationToken, Task<bool>> session,
        Action<Exception, TimeSpan> logFailure,
        CancellationToken cancellationToken)
    {
        var delay = MinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var client = await clients.ConnectImapAsync(cancellationToken).ConfigureAwait(false);
                if (await session(client, () => delay = MinDelay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logFailure(ex, delay);
                if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                delay = Next(delay);
            }
        }
    }

    /// <summary>Handles every mail after the checkpoint, oldest first, moving the checkpoint after each.</summary>
    internal async Task ReadNewAsync(ImapClient client, IMailFolder folder, CancellationToken cancellationToken)
    {
        // A selected mailbox shows mail delivered since the last command only after the server syncs it
        // (EXISTS): without this NOOP, a search right after the IDLE connection's wake-up can miss the new mail.
        await client.NoOpAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = await store.GetCheckpointAsync(MailboxKey, cancellationToken).ConfigureAwait(false);
        if (checkpoint is not null && checkpoint.UidValidity != folder.UidValidity)
        {
            // The server renumbered the folder (RFC 3501 §2.3.1.1): the old UIDs mean nothing now. Read
            // everything again; mails already handled are recognised by their Message-ID.
            LogUidValidityChanged(logger, checkpoint.UidValidity, folder.UidValidity);
            checkpoint = null;
        }

        checkpoint ??= new MailboxCheckpoint(folder.UidValidity, 0);
        LogChecking(logger, _options.Folder, checkpoint.LastUid);
        var range = new UniqueIdRange(new UniqueId(folder.UidValidity, checkpoint.LastUid + 1), UniqueId.MaxValue);
        var uids = (await folder.SearchAsync(SearchQuery.Uids(range), cancellationToken).ConfigureAwait(false))
            .Where(u => u.Id > checkpoint.LastUid) // "n:*" always matches the newest mail, even below n
            .OrderBy(u => u.Id)
            .ToList();
        if (uids.Count == 0)
        {
            if (checkpoint.LastUid == 0)
            {
                await store.SetCheckpointAsync(MailboxKey, checkpoint, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var summaries = (await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.UniqueId.Id);
        foreach (var uid in uids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (summaries.TryGetValue(uid.Id, out var summary))
            {
                await HandleAsync(client, folder, uid, summary.Size, cancellationToken).ConfigureAwait(false);
            }

            checkpoint = checkpoint with { LastUid = uid.Id };
            await store.SetCheckpointAsync(MailboxKey, checkpoint, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(ImapClient client, IMailFolder folder, UniqueId uid, uint? size, CancellationToken cancellationToken)
    {
        LogReading(logger, uid.Id, size ?? 0);
        if (size > _options.MaxMessageBytes)
        {
            LogOversized(logger, uid.Id, size.Value, _options.MaxMessageBytes);
            await MoveToReviewAsync(client, folder, uid, cancellationToken).ConfigureAwait(false);
            return;
        }

        MimeMessage message;
        try
        {
            message = await folder.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
        {
            LogUnparsable(logger, ex, uid.Id);
            await MoveToReviewAsync(client, folder, uid, cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await connector.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case MailOutcome.Unreadable:
                LogUnreadable(logger, uid.Id);
                await MoveToReviewAsync(client, folder, uid, cancellationToken).ConfigureAwait(false);
                break;
            case MailOutcome.Answered:
                await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task MoveToReviewAsync(ImapClient client, IMailFolder folder, UniqueId uid, CancellationToken cancellationToken)
    {
        IMailFolder review;
        try
        {
            review = await client.GetFolderAsync(_options.ReviewFolder, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            review = await root.CreateAsync(_options.ReviewFolder, true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The review folder '{_options.ReviewFolder}' could not be created.");
        }

        await folder.MoveToAsync(uid, review, cancellationToken).ConfigureAwait(false);
        LogMovedToReview(logger, uid.Id, _options.ReviewFolder);
    }

    /// <summary>The IDLE connection: wakes the reader on new mail; ends quietly when the server has no IDLE.</summary>
    private Task IdleAsync(CancellationToken cancellationToken) =>
        KeepConnectedAsync(IdleSessionAsync, (ex, delay) => LogIdleFailed(logger, ex, delay), cancellationToken);

    private async Task<bool> IdleSessionAsync(ImapClient client, Action connected, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            LogNoIdle(logger, _options.PollInterval);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var folder = await client.GetFolderAsync(_options.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        folder.CountChanged += (_, _) => Wake();
        LogIdling(logger, _options.Folder);
        connected();
        Wake(); // anything that arrived while this connection was down
        while (client.IsConnected && !cancellationToken.IsCancellationRequested)
        {
            using var done = new CancellationTokenSource(_options.IdleRefresh, timeProvider);
            await client.IdleAsync(done.Token, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task WaitForWakeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = timeProvider.CreateTimer(_ => timeout.Cancel(), null, _options.PollInterval, Timeout.InfiniteTimeSpan);
        try
        {
            await _wake.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look anyway.
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Watching mail folder '{Folder}' (IDLE offered: {Idle})")]
    private static partial void LogConnected(ILogger logger, string folder, bool idle);

    [LoggerMessage(EventId = 7210, Level = LogLevel.Debug, Message = "Reading mail UID {Uid} ({Size} bytes)")]
    private static partial void LogReading(ILogger logger, uint uid, uint size);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Information, Message = "IDLE on mail folder '{Folder}': new mail is read as it arrives")]
    private static partial void LogIdling(ILogger logger, string folder);

    [LoggerMessage(EventId = 7212, Level = LogLevel.Debug, Message = "Checking '{Folder}' for mail after UID {Uid}")]
    private static partial void LogChecking(ILogger logger, string folder, uint uid);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Reading the mailbox failed; reconnecting in {Delay}")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "IDLE connection failed; reconnecting in {Delay}")]
    private static partial void LogIdleFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Information, Message = "The IMAP server offers no IDLE; polling every {Interval}")]
    private static partial void LogNoIdle(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Warning, Message = "UIDVALIDITY changed from {Old} to {New}: re-reading the folder, skipping mail already handled")]
    private static partial void LogUidValidityChanged(ILogger logger, uint old, uint @new);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Warning, Message = "Mail UID {Uid} is {Size} bytes, over the limit of {Limit}: not read")]
    private static partial void LogOversized(ILogger logger, uint uid, uint size, long limit);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Warning, Message = "Mail UID {Uid} could not be parsed")]
    private static partial void LogUnparsable(ILogger logger, Exception exception, uint uid);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Warning, Message = "Mail UID {Uid} has no usable sender address")]
    private static partial void LogUnreadable(ILogger logger, uint uid);

    [LoggerMessage(EventId = 7209, Level = LogLevel.Warning, Message = "Mail UID {Uid} moved to '{Folder}' for review")]
    private static partial void LogMovedToReview(ILogger logger, uint uid, string folder);
}
