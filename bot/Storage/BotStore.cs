using SupportBot.Core.Storage;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Bot.Storage;

/// <summary>
/// The one storage provider instance of the process, seen through each interface the runtime needs, so
/// a turn's state, transcript and outbox always commit to the same store.
/// </summary>
internal sealed class BotStore : IDisposable
{
    private readonly object _provider;

    private BotStore(object provider)
    {
        _provider = provider;
        Storage = (IStorage)provider;
        Transcripts = (ITranscriptStore)provider;
        Outbox = (IOutboxStore)provider;
        Turns = (ITurnStore)provider;
    }

    public IStorage Storage { get; }

    public ITranscriptStore Transcripts { get; }

    public IOutboxStore Outbox { get; }

    public ITurnStore Turns { get; }

    /// <summary>The SQLite provider (for backups); null for the memory provider.</summary>
    public SqliteStorage? Sqlite => _provider as SqliteStorage;

    /// <summary>Where the SQLite file is; null for the memory provider.</summary>
    public string? FilePath { get; private init; }

    /// <summary>
    /// How the other users of the file (support services, handoff store) open it: the same way as the storage
    /// did (<see cref="SqliteFile"/>); null for the memory provider.
    /// </summary>
    public string? ConnectionString => Sqlite?.ConnectionString;

    public static BotStore Open(StorageOptions options)
    {
        if (StorageOptionsValidator.IsProvider(options.Provider, StorageProviders.Memory))
        {
            return new BotStore(new MemoryStorage());
        }

        var dataFolder = Path.GetFullPath(options.DataFolder, Environment.CurrentDirectory);
        Directory.CreateDirectory(dataFolder);
        var filePath = Path.Combine(dataFolder, options.Sqlite.FileName);
        var sqlite = SqliteStorage.Open(new SqliteStorageOptions
        {
            FilePath = filePath,
            Synchronous = Enum.Parse<SqliteSynchronous>(options.Sqlite.Synchronous, ignoreCase: true),
            SharedWithOtherProcesses = options.Sqlite.SharedWithOtherProcesses,
        });
        return new BotStore(sqlite) { FilePath = filePath };
    }

    public void Dispose() => (_provider as IDisposable)?.Dispose();
}
