using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Core.Tests.Storage;

public sealed class SqliteStorageTests : StorageConformanceTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _opened = [];

    protected override Task<TStore> CreateStoreAsync<TStore>() => Task.FromResult((TStore)(object)Open());

    private SqliteStorage Open(string name = "store.db")
    {
        var storage = SqliteStorage.Open(new SqliteStorageOptions { FilePath = Path.Combine(_folder, name) });
        _opened.Add(storage);
        return storage;
    }

    [Fact]
    public void Open_NewFile_AppliesLatestSchemaInWalMode()
    {
        var storage = Open();

        Assert.Equal(SqliteMigrations.LatestVersion, storage.SchemaVersion);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Open_ByDefault_KeepsTheLogIndexInMemory_SharedWithOtherProcessesUsesTheShmFile()
    {
        var own = Open("own.db");
        var shared = SqliteStorage.Open(new SqliteStorageOptions { FilePath = Path.Combine(_folder, "shared.db"), SharedWithOtherProcesses = true });
        _opened.Add(shared);

        await own.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item(new { count = 1 }) });
        await shared.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item(new { count = 1 }) });

        Assert.True(File.Exists(Path.Combine(_folder, "own.db-wal")));
        Assert.False(File.Exists(Path.Combine(_folder, "own.db-shm")));
        Assert.True(File.Exists(Path.Combine(_folder, "shared.db-shm")));
    }

    [Fact]
    public async Task Open_PathWithSpaceHashPercentAndQuestionMark_UsesExactlyThatFile()
    {
        var storage = Open("a b#c%20d?.db");

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item(new { count = 2 }) });
        var read = await storage.ReadAsync(["k"]);

        Assert.Equal(2, read["k"].Value.GetProperty("count").GetInt32());
        Assert.Equal(["a b#c%20d?.db", "a b#c%20d?.db-wal"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarkDelivered_WhileTheDeleteWaitsForTheFile_EntriesAreAlreadyGoneFromPendingReadsAndTheDeleteLandsLater()
    {
        var storage = Open();
        var commit = new TurnCommit();
        commit.Outbox.Add((OutboxOperation.Send, new SupportBot.Core.Schema.Activity { Type = "message", Id = "o1", ChannelId = "test", Conversation = new("c1"), Text = "one" }));
        commit.Outbox.Add((OutboxOperation.Send, new SupportBot.Core.Schema.Activity { Type = "message", Id = "o2", ChannelId = "test", Conversation = new("c1"), Text = "two" }));
        var entries = await storage.CommitAsync(commit);

        // Another process holds the write lock, so the delete cannot commit yet.
        Task marked;
        using (var other = new SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False"))
        {
            other.Open();
            using var hold = other.BeginTransaction(deferred: false);
            marked = storage.MarkDeliveredAsync([entries[0].Sequence]);
            await Task.Delay(200);
            Assert.False(marked.IsCompleted);

            Assert.Equal([entries[1].Sequence], (await storage.ReadPendingAsync(10)).Select(e => e.Sequence));
            Assert.Equal([entries[1].Sequence], (await storage.ReadPendingAsync("test", "c1")).Select(e => e.Sequence));
        }

        await marked.WaitAsync(TimeSpan.FromSeconds(10));
        storage.Dispose();
        Assert.Equal([entries[1].Sequence], (await Open().ReadPendingAsync(10)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Commit_OutboxEntriesCarryTheJsonTheStoreWrote()
    {
        var storage = Open();
        var commit = new TurnCommit();
        commit.Outbox.Add((OutboxOperation.Send, new SupportBot.Core.Schema.Activity { Type = "message", Id = "o1", ChannelId = "test", Conversation = new("c1"), Text = "one" }));

        var entry = Assert.Single(await storage.CommitAsync(commit));

        var stored = Assert.Single(await storage.ReadPendingAsync(10));
        Assert.Equal(SupportBot.Core.Schema.ActivityJson.SerializeToUtf8(stored.Activity), entry.Json);
        Assert.Null(stored.Json);
    }

    [Fact]
    public async Task ManyCommits_TheCheckpointerCopiesTheLogIntoTheDatabaseFile()
    {
        var storage = Open();
        for (var i = 0; i < 1000; i++)
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k" + i] = Item(new { count = i }) });
        }

        // One more after the last write (others ran along the way: one is asked for every 64 commits).
        await CheckpointAsync(storage);

        // The database file alone, without its log, holds every item.
        File.Copy(Path.Combine(_folder, "store.db"), Path.Combine(_folder, "copy.db"));
        var copy = Open("copy.db");
        Assert.Equal(1000, (await copy.ReadAsync([.. Enumerable.Range(0, 1000).Select(i => "k" + i)])).Count);
    }

    [Fact]
    public async Task ReaderStillInTheLog_TheRestartGivesUpWithoutHoldingTheWriterAndSucceedsOnceTheReaderIsDone()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item(new { count = 1 }) });

        // Another process reads a snapshot that lives in the log (no checkpoint has run since the write).
        using (var reader = new SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False"))
        {
            reader.Open();
            using var snapshot = reader.BeginTransaction(deferred: true);
            using (var read = reader.CreateCommand())
            {
                read.Transaction = snapshot;
                read.CommandText = "SELECT count(*) FROM items;";
                Assert.Equal(1L, read.ExecuteScalar());
            }

            await CheckpointAsync(storage);
            Assert.Equal(0, storage.Checkpointer.Restarts);

            // The writer was not left waiting behind the restart.
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k2"] = Item(new { count = 2 }) }).WaitAsync(TimeSpan.FromSeconds(5));
        }

        await CheckpointAsync(storage);
        Assert.Equal(1, storage.Checkpointer.Restarts);
    }

    private static async Task CheckpointAsync(SqliteStorage storage)
    {
        var before = storage.Checkpointer.Checkpoints;
        storage.Checkpointer.Request();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (storage.Checkpointer.Checkpoints == before && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        Assert.NotEqual(before, storage.Checkpointer.Checkpoints);
    }

    [Fact]
    public async Task Open_Twice_KeepsDataAndDoesNotReapplyMigrations()
    {
        var first = Open();
        await first.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item(new { count = 7 }) });
        first.Dispose();

        var second = Open();

        Assert.Equal(7, (await second.ReadAsync(["k"]))["k"].Value.GetProperty("count").GetInt32());
        Assert.Equal(SqliteMigrations.LatestVersion, second.SchemaVersion);
    }

    [Fact]
    public async Task Open_Version1Database_MovesItemsIntoTheRowidTableKeepingValuesAndETags()
    {
        var path = Path.Combine(_folder, "v1.db");
        Directory.CreateDirectory(_folder);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SqliteMigrations.Apply(connection, through: 1);
            using var insert = connection.CreateCommand();
            insert.CommandText = """INSERT INTO items (key, value, etag) VALUES ('a', '{"count":1}', 'e-a'), ('b', '{"count":2}', 'e-b');""";
            insert.ExecuteNonQuery();
        }

        var storage = SqliteStorage.Open(new SqliteStorageOptions { FilePath = path });
        _opened.Add(storage);
        var read = await storage.ReadAsync(["a", "b"]);
        var stale = storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 9 }, "not-e-a") });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 3 }, "e-a"), ["c"] = Item(new { count = 4 }, null) });

        Assert.Equal(SqliteMigrations.LatestVersion, storage.SchemaVersion);
        Assert.Equal(("e-a", 1), (read["a"].ETag, Count(read["a"])));
        Assert.Equal(("e-b", 2), (read["b"].ETag, Count(read["b"])));
        await Assert.ThrowsAsync<StorageConflictException>(() => stale);
        var after = await storage.ReadAsync(["a", "c"]);
        Assert.Equal([3, 4], after.Values.Select(Count).Order());
        Assert.Throws<SqliteException>(() => Execute(path, "INSERT INTO items (key, value, etag) VALUES ('b', '{}', 'x');"));
        Assert.Equal(0, Execute(path, "SELECT id FROM items LIMIT 0;"));
    }

    /// <summary>Runs <paramref name="sql"/> on its own connection (opened the way the storage opens the file); rows changed.</summary>
    private static int Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(SqliteFile.ConnectionString(path, sharedWithOtherProcesses: false)) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Math.Max(0, command.ExecuteNonQuery());
    }

    [Fact]
    public async Task BackUp_WhileOpen_WritesAWholeCopyThatOpensWithTheItems()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item(new { count = 5 }) });
        var backup = Path.Combine(_folder, "backups", "copy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);

        storage.BackUp(backup);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["later"] = Item(new { count = 6 }) });

        var copy = SqliteStorage.Open(new SqliteStorageOptions { FilePath = backup });
        _opened.Add(copy);
        var read = await copy.ReadAsync(["k", "later"]);
        Assert.Equal(5, Count(Assert.Single(read).Value));
        Assert.Equal(["copy.db", "copy.db-wal"], Directory.GetFiles(Path.GetDirectoryName(backup)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BackUp_OntoAnExistingFile_RefusesAndLeavesItAsItWas()
    {
        var storage = Open();
        var existing = Path.Combine(_folder, "existing.db");
        File.WriteAllText(existing, "keep me");

        var error = Assert.Throws<IOException>(() => storage.BackUp(existing));

        Assert.Contains("already exists", error.Message);
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void Open_DatabaseFromNewerBuild_RefusesWithClearMessage()
    {
        Open().Dispose();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later');";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<InvalidOperationException>(() => Open());

        Assert.Contains("schema version 99", ex.Message);
    }

    [Fact]
    public async Task Write_TwoInstancesOnOneFile_StaleWriterConflicts()
    {
        // Two processes (here: two connections) sharing one database, as two bot instances would.
        var a = Open();
        var b = Open();
        var created = await a.WriteAsync(new Dictionary<string, StoreItem> { ["conv"] = Item(new { count = 1 }) });
        var seenByB = (await b.ReadAsync(["conv"]))["conv"];

        await a.WriteAsync(new Dictionary<string, StoreItem> { ["conv"] = Item(new { count = 2 }, created["conv"]) });

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            b.WriteAsync(new Dictionary<string, StoreItem> { ["conv"] = Item(new { count = 99 }, seenByB.ETag) }));
        Assert.Equal(2, (await b.ReadAsync(["conv"]))["conv"].Value.GetProperty("count").GetInt32());
    }

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
