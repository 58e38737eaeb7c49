using Microsoft.Data.Sqlite;
using SupportBot.Core.Storage;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Core.Tests.Storage;

public sealed class SqliteGroupWriterTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "supportbot-tests", Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteSession _session;
    private readonly SqliteGroupWriter _writer;

    public SqliteGroupWriterTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (k TEXT PRIMARY KEY);";
            create.ExecuteNonQuery();
        }

        _session = new SqliteSession(connection);
        _writer = new SqliteGroupWriter(_session);
    }

    [Fact]
    public async Task RefusalBeforeAnyChange_FailsThatWriteAloneAndTheOthersCommit()
    {
        var first = _writer.RunAsync((session, _) => session.Statement("INSERT INTO t (k) VALUES ('a');").Execute());
        var refused = _writer.RunAsync<int>((_, _) => throw new StorageConflictException("b"));
        var third = _writer.RunAsync((session, _) => session.Statement("INSERT INTO t (k) VALUES ('c');").Execute());

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<StorageConflictException>(() => refused);
        Assert.Equal(1, await third);
        Assert.Equal(["a", "c"], Keys());
    }

    [Fact]
    public async Task RefusalAfterAChange_FailsTheBatchAndCommitsNothingOfIt()
    {
        var broken = _writer.RunAsync<int>((session, _) =>
        {
            session.Statement("INSERT INTO t (k) VALUES ('x');").Execute();
            throw new StorageConflictException("x");
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken);
        Assert.IsType<StorageConflictException>(error.InnerException);
        Assert.Empty(Keys());

        // The writer goes on with the next batch.
        Assert.Equal(1, await _writer.RunAsync((session, _) => session.Statement("INSERT INTO t (k) VALUES ('y');").Execute()));
        Assert.Equal(["y"], Keys());
    }

    public void Dispose()
    {
        _writer.Dispose();
        _session.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileName(_file) + "*"))
        {
            File.Delete(file);
        }
    }

    private List<string> Keys()
    {
        using var reader = new SqliteConnection($"Data Source={_file};Pooling=False");
        reader.Open();
        using var select = reader.CreateCommand();
        select.CommandText = "SELECT k FROM t ORDER BY k;";
        using var rows = select.ExecuteReader();
        var keys = new List<string>();
        while (rows.Read())
        {
            keys.Add(rows.GetString(0));
        }

        return keys;
    }
}
