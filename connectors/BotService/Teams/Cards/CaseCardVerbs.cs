namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>The verbs of the case card's <c>Action.Execute</c> buttons, and the names of its inputs.</summary>
public static class CaseCardVerbs
{
    public const string Accept = "accept";
    public const string Resolve = "resolve";
    public const string Return = "return";

    /// <summary>Asks for the current card without changing anything.</summary>
    public const string Refresh = "refresh";

    /// <summary>The data field every button carries: the case id.</summary>
    public const string CaseIdField = "caseId";

    /// <summary>The id of the resolution-note input; Teams merges it into the action's data.</summary>
    public const string NoteInput = "note";

    public static bool IsKnown(string? verb) => verb is Accept or Resolve or Return or Refresh;
}
