using SupportBot.Connectors.BotService.Teams.Cards;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>Case cards as an angry web-chat customer's handoff produces them.</summary>
internal static class TeamsTestCards
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    public static CaseCard Angry(CaseCardState state = CaseCardState.Waiting, string? agent = null, int extraLines = 0)
    {
        var transcript = new List<CaseCardLine>
        {
            new("Maya Patel", "hi", Start, true),
            new("SupportBot", "Hi, I'm the Alder & Finch assistant. What happened?", Start.AddSeconds(5), false),
            new("Maya Patel", "my order 4411 arrived with a cracked screen and I need it by Friday", Start.AddMinutes(1), true),
            new("SupportBot", "So your order 4411 arrived with a cracked screen and you need it before Friday — right?", Start.AddMinutes(1.1), false),
        };
        for (var i = 0; i < extraLines; i++)
        {
            transcript.Add(new("Maya Patel", $"filler message number {i} " + new string('x', 120), Start.AddMinutes(2 + i), true));
        }

        transcript.Add(new("Maya Patel", "This is ridiculous, I want to talk to a real person NOW", Start.AddMinutes(3 + extraLines), true));
        return new CaseCard
        {
            CaseId = "H-1001",
            State = state,
            CustomerName = "Maya Patel",
            Channel = "directline",
            Reason = "sentiment",
            ReasonDetails = ["mood fell sharply", "asked for a person"],
            Stage = "Lead",
            Summary = "Order 4411 arrived with a cracked screen; needs it by Friday; upset and asked for a person.",
            Facts = [new("Order", "4411"), new("Issue", "damaged")],
            Tried = ["replacement offered"],
            Tickets = ["T-1004 (open)"],
            MoodScores = [0.1, -0.3, -0.8],
            MoodReasons = ["caps", "demand for a person"],
            Transcript = transcript,
            AgentName = agent,
            AgentHub = agent is null ? null : "teams",
            CreatedAt = Start,
        };
    }
}
