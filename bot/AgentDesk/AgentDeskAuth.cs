using System.Security.Claims;

namespace SupportBot.Bot.AgentDesk;

/// <summary>Names of the desk's cookie scheme, policy and claims.</summary>
internal static class AgentDeskAuth
{
    /// <summary>The cookie scheme; never the default scheme, so it touches no other endpoint.</summary>
    public const string Scheme = "AgentDesk";

    /// <summary>The authorization policy every desk page and API endpoint requires.</summary>
    public const string Policy = "AgentDesk";

    public const string CookieName = ".SupportBot.AgentDesk";

    public const string AntiforgeryCookieName = ".SupportBot.Antiforgery";

    /// <summary>The request header desk.js sends the antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-Token";

    public const string BasePath = "/agent";

    public const string SignInPath = "/agent/signin";

    public const string ApiPath = "/agent/api";

    public static ClaimsPrincipal Principal(AgentAccount agent) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, agent.Id), new Claim(ClaimTypes.Name, agent.Name)],
        Scheme));

    /// <summary>The signed-in agent's configured id (the policy guarantees the claim).</summary>
    public static string AgentId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The desk policy lets no user without an agent id through.");
}
