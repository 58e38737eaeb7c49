using System.Text;
using SupportBot.Bot.AgentDesk;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>hash-password</c>: prints the hash of an agent's password for <c>AgentDesk:Agents:N:PasswordHash</c>. The
/// password is read from standard input — typed twice without echo on a terminal, or the first line when
/// piped — never from the command line, where it would stay in the shell history.
/// </summary>
internal static class HashPasswordCommand
{
    public const string Verb = "hash-password";
    public const int MinLength = 8;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 1)
        {
            await Console.Error.WriteLineAsync($"Usage: {Verb} (the password is read from standard input, never from the command line).").ConfigureAwait(false);
            return 2;
        }

        if (Console.IsInputRedirected)
        {
            return await RunAsync(Console.In, Console.Out, Console.Error).ConfigureAwait(false);
        }

        var first = ReadHidden("Password: ");
        var second = ReadHidden("Again: ");
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("The two passwords differ; nothing printed.").ConfigureAwait(false);
            return 1;
        }

        return await RunAsync(new StringReader(first + "\n"), Console.Out, Console.Error).ConfigureAwait(false);
    }

    /// <summary>The verb on any reader and writers: the first input line is the password.</summary>
    internal static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter error)
    {
        var password = await input.ReadLineAsync().ConfigureAwait(false);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password on standard input: nothing printed.").ConfigureAwait(false);
            return 1;
        }

        if (password.Length < MinLength)
        {
            await error.WriteLineAsync($"The password is shorter than {MinLength} characters: nothing printed.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(AgentPasswords.Hash(password)).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        return 0;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
