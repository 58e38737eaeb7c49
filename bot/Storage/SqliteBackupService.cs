using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Bot.Storage;

/// <summary>
/// Backs the SQLite file up while the bot runs, when <c>Storage:Sqlite:BackupFolder</c> is set: once at start,
/// then every <c>BackupInterval</c>, as <c>supportbot-yyyyMMddTHHmmssZ.db</c>, keeping the newest
/// <c>BackupsKept</c>. The bot keeps its file to itself by default (<see cref="SqliteFile"/>), so this is
/// how a running bot gets a backup. A failed backup is logged and tried again at the next interval.
/// </summary>
internal sealed partial class SqliteBackupService(
    BotStore store,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<SqliteBackupService> logger) : BackgroundService
{
    private const string Prefix = "supportbot-";
    private const string Extension = ".db";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Sqlite;
        if (store.Sqlite is null || string.IsNullOrWhiteSpace(settings.BackupFolder))
        {
            return;
        }

        var folder = Path.GetFullPath(settings.BackupFolder, Environment.CurrentDirectory);
        using var timer = new PeriodicTimer(settings.BackupInterval, timeProvider);
        do
        {
            // The copy reads the whole file; off the host's start-up path.
            await Task.Run(() => BackUpOnce(store.Sqlite, folder, settings.BackupsKept), stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Writes one backup and deletes the oldest beyond <paramref name="kept"/>; logs instead of throwing.</summary>
    internal void BackUpOnce(SqliteStorage storage, string folder, int kept)
    {
        var name = Prefix + timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + Extension;
        var path = Path.Combine(folder, name);
        try
        {
            Directory.CreateDirectory(folder);
            storage.BackUp(path);
            LogBackedUp(logger, path, new FileInfo(path).Length);
            foreach (var old in Directory.GetFiles(folder, Prefix + "*" + Extension).Order(StringComparer.Ordinal).SkipLast(kept))
            {
                File.Delete(old);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            LogBackupFailed(logger, path, ex);
        }
    }

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Backed the database up to {Path} ({Bytes} bytes)")]
    private static partial void LogBackedUp(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Backing the database up to {Path} failed; trying again at the next interval")]
    private static partial void LogBackupFailed(ILogger logger, string path, Exception exception);
}
