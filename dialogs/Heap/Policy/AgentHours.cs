using System.Globalization;

namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>When people on the support team answer: callbacks and handoffs are promised within these hours.</summary>
public sealed class AgentHours
{
    /// <summary>The days agents work.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Opening time, <c>HH:mm</c>.</summary>
    public string Open { get; set; } = "09:00";

    /// <summary>Closing time, <c>HH:mm</c>.</summary>
    public string Close { get; set; } = "17:00";

    /// <summary>The time zone the hours are in (IANA id, e.g. <c>Europe/London</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>"Monday to Friday, 09:00–17:00 (Europe/London)".</summary>
    public string Describe()
    {
        var days = EffectiveDays();
        var span = days.Count == 7 ? "every day"
            : IsRun(days) ? $"{days[0]} to {days[^1]}"
            : string.Join(", ", days);
        return $"{span}, {Open}–{Close} ({TimeZone})";
    }

    /// <summary>Whether agents are working at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        var local = System.TimeZoneInfo.ConvertTime(now, System.TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var time = TimeOnly.FromDateTime(local.DateTime);
        return EffectiveDays().Contains(local.DayOfWeek) && time >= ParseTime(Open) && time < ParseTime(Close);
    }

    internal IEnumerable<string> Validate(string prefix)
    {
        if (!TimeOnly.TryParseExact(Open, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open))
        {
            yield return $"{prefix}:{nameof(Open)} must be a time as HH:mm (was '{Open}').";
        }

        if (!TimeOnly.TryParseExact(Close, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close))
        {
            yield return $"{prefix}:{nameof(Close)} must be a time as HH:mm (was '{Close}').";
        }
        else if (close <= open)
        {
            yield return $"{prefix}:{nameof(Close)} must be after {nameof(Open)} (was {Open}–{Close}).";
        }

        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"{prefix}:{nameof(TimeZone)} is not a known time zone (was '{TimeZone}').";
        }
    }

    private List<DayOfWeek> EffectiveDays() =>
        Days.Count > 0 ? Days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList()
        : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static bool IsRun(List<DayOfWeek> days)
    {
        for (var i = 1; i < days.Count; i++)
        {
            if (((int)days[i] + 6) % 7 != (((int)days[i - 1] + 6) % 7) + 1)
            {
                return false;
            }
        }

        return days.Count > 1;
    }

    private static TimeOnly ParseTime(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);
}
