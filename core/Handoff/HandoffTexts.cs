namespace SupportBot.Core.Handoff;

/// <summary>What the customer hears from the handoff itself (the bot's own words live in the dialogs).</summary>
public static class HandoffTexts
{
    /// <summary>The agent accepted.</summary>
    public static string Joined(string agentName) =>
        $"Hi, this is {agentName} from the support team. I've read through your conversation, so there's no need to repeat anything — I'm here to help.";

    /// <summary>An occasional note while nobody has accepted yet.</summary>
    public static string StillWaiting(int position) => position switch
    {
        <= 1 => "Thanks — I've passed that on. You're next in line for a person from our team; they'll reply right here.",
        _ => $"Thanks — I've passed that on. You're number {position} in line for a person from our team; they'll reply right here.",
    };
}
