namespace SupportBot.Bench;

/// <summary>A bot reply as it arrived on the socket (<c>Stopwatch.GetTimestamp</c>).</summary>
internal sealed record WebChatBenchmarkReply(long ArrivedAt, string Text);
