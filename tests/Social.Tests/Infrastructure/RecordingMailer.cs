using System.Collections.Concurrent;
using SupportBot.Connectors.Social;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Social.Tests.Infrastructure;

/// <summary>Takes the one-time codes the bot would mail (the address on file and the code).</summary>
internal sealed class RecordingMailer : IOneTimeCodeMailer
{
    public ConcurrentQueue<VerificationCode> Sent { get; } = new();

    public Task SendAsync(VerificationCode code, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(code);
        return Task.CompletedTask;
    }
}
