namespace SupportBot.Core.Tests.Knowledge;

/// <summary>Finds the repository's <c>knowledge/</c> folder from the test output folder.</summary>
internal static class KnowledgeFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "knowledge");
            if (File.Exists(System.IO.Path.Combine(candidate, "README.md")) && File.Exists(System.IO.Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The repository's knowledge/ folder was not found above " + AppContext.BaseDirectory);
    }
}
