namespace SupportBot.Bench;

/// <summary>One round of the web chat benchmark: its tally, the seconds the scripts ran and the seconds opening took.</summary>
internal sealed record WebChatBenchmarkRound(WebChatBenchmarkTally Tally, double Seconds, double OpenSeconds, int OpenFailed);
