namespace SupportBot.Core.Handoff;

/// <summary>The <c>Handoff</c> configuration section.</summary>
public sealed class HandoffOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Handoff";

    /// <summary>How long a case waits for an agent before the customer is offered a callback or a ticket.</summary>
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>While waiting, at most one "still waiting" note per this interval, however much the customer writes.</summary>
    public TimeSpan StillWaitingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the background check looks for overdue cases and hub notifications to retry.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between retries of a failing hub.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many transcript activities travel with the context (the latest ones).</summary>
    public int MaxTranscriptActivities { get; set; } = 200;

    /// <summary>The longest message an agent may send, in characters.</summary>
    public int MaxAgentMessageLength { get; set; } = 4000;

    /// <summary>The problems with these options (empty when valid), naming the keys.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (AcceptTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(AcceptTimeout)} must be positive (was {AcceptTimeout}).");
        }

        if (StillWaitingInterval < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(StillWaitingInterval)} must not be negative (was {StillWaitingInterval}).");
        }

        if (CheckInterval <= TimeSpan.Zero || CheckInterval > AcceptTimeout)
        {
            errors.Add($"{SectionName}:{nameof(CheckInterval)} must be positive and at most {nameof(AcceptTimeout)} (was {CheckInterval}).");
        }

        if (MaxRetryDelay < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{SectionName}:{nameof(MaxRetryDelay)} must be at least 1 second (was {MaxRetryDelay}).");
        }

        if (MaxTranscriptActivities is < 1 or > 10_000)
        {
            errors.Add($"{SectionName}:{nameof(MaxTranscriptActivities)} must be 1–10000 (was {MaxTranscriptActivities}).");
        }

        if (MaxAgentMessageLength is < 1 or > 100_000)
        {
            errors.Add($"{SectionName}:{nameof(MaxAgentMessageLength)} must be 1–100000 (was {MaxAgentMessageLength}).");
        }

        return errors;
    }
}
