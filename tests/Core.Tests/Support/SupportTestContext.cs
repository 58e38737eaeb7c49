using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Support;

namespace SupportBot.Core.Tests.Support;

/// <summary>Embedded support services on a real SQLite file in a temp folder, with a fake clock.</summary>
public sealed class SupportTestContext : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly List<SupportServices> _opened = [];

    public SupportTestContext(SupportServicesOptions? options = null)
    {
        Directory.CreateDirectory(Folder);
        Services = Open(options);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "supportbot-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Folder, "supportbot.db");

    public FakeTimeProvider Time { get; } = new(Start);

    public SupportServices Services { get; }

    public SupportServices Open(SupportServicesOptions? options = null)
    {
        var services = SupportServices.OpenFile(FilePath, Time, options);
        _opened.Add(services);
        return services;
    }

    public void Dispose()
    {
        foreach (var services in _opened)
        {
            services.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
