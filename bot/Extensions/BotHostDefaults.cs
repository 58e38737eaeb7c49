namespace SupportBot.Bot.Extensions;

/// <summary>Settings shared by the web host and the CLI verbs.</summary>
internal static class BotHostDefaults
{
    /// <summary>
    /// The content root is the folder of the binary, where the build copies the root <c>appsettings.json</c>:
    /// <c>dotnet run --project bot</c> starts in the repository root (RunWorkingDirectory) and a published
    /// binary may start anywhere, and both must find the same configuration file. Relative data paths
    /// (Storage:DataFolder) stay relative to the working directory.
    /// </summary>
    public static string ContentRoot => AppContext.BaseDirectory;

    public static WebApplicationOptions WebOptions(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot,
    };

    public static HostApplicationBuilderSettings HostSettings(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot,
    };
}
