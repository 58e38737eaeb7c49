namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>Where the repository and the built host are, found from this test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The host built alongside these tests (same configuration: the test project references it).</summary>
    public static string BotDll
    {
        get
        {
            // tests/Bot.Tests/bin/{Configuration}/{TargetFramework}/
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var path = Path.Combine(Root, "bot", "bin", configuration, framework.Name, "SupportBot.Bot.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first (dotnet build bot).", path);
        }
    }

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "supportbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a folder from <see cref="NewTempFolder"/>, leaving it to the OS when a file in it is still held.</summary>
    public static void DeleteTempFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }
}
