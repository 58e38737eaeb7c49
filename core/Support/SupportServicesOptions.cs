using System.ComponentModel.DataAnnotations;

namespace SupportBot.Core.Support;

/// <summary>Settings of the embedded support services.</summary>
public sealed class SupportServicesOptions
{
    /// <summary>Fill empty support tables from the built-in demo data (customers, orders, stores, stock, tickets). Default true.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How long a one-time code works after it is issued. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong tries allowed on one code before it stops working. Default 5.</summary>
    [Range(1, 20)]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>How long after a successful code an identity may be linked to the customer. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan VerificationValidFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a write waits for another connection (the bot-state store, another instance) holding the file lock. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
