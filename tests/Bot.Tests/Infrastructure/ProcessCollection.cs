namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>Tests that start the host as a child process run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Child processes";
}
