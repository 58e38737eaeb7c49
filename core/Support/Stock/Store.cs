namespace SupportBot.Core.Support.Stock;

/// <summary>A shop.</summary>
/// <param name="Id">Short code, e.g. <c>MAN</c>.</param>
/// <param name="Name">Display name, e.g. <c>Manchester Market Street</c>.</param>
/// <param name="City">City, e.g. <c>Manchester</c>.</param>
/// <param name="Address">Street address with postcode.</param>
/// <param name="OpeningHours">Human-readable lines, e.g. <c>Monday–Saturday 09:00–20:00</c>.</param>
public sealed record Store(string Id, string Name, string City, string Address, IReadOnlyList<string> OpeningHours);
