using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine.Conversations;

/// <summary>
/// What an append did: the activities as logged and their last watermark, or — for a posted activity whose
/// <c>clientActivityID</c> was seen before — the earlier activity (<see cref="Duplicate"/> true).
/// </summary>
internal sealed record AppendResult(IReadOnlyList<Activity> Activities, long Watermark, bool Duplicate = false);
