namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// The built-in agent desk at <c>/agent</c> (issue 6, point 4), section <c>AgentDesk</c>. With no agents the
/// desk is off: its pages and API answer 404 with a message saying how to turn it on.
/// </summary>
public sealed class AgentDeskOptions
{
    public const string SectionName = "AgentDesk";

    /// <summary>The people who may sign in. Passwords are stored only as hashes (<c>hash-password</c> verb).</summary>
    public List<AgentAccount> Agents { get; set; } = [];

    /// <summary>Failed sign-ins for one agent id before that id is locked out for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address (any id) before that address is locked out.</summary>
    public int MaxFailedSignInsPerAddress { get; set; } = 20;

    /// <summary>How long a lockout lasts; failures older than this are forgotten.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Whether anyone can sign in.</summary>
    public bool Enabled => Agents.Count > 0;

    /// <summary>The configured agent with this id (case-insensitive), if any.</summary>
    public AgentAccount? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : Agents.Find(a => string.Equals(a.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every problem with the section, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Agents.Count; i++)
        {
            var agent = Agents[i];
            var key = $"{SectionName}:Agents:{i}";
            if (string.IsNullOrWhiteSpace(agent.Id))
            {
                errors.Add($"{key}:Id is required.");
            }
            else if (!seen.Add(agent.Id.Trim()))
            {
                errors.Add($"{key}:Id '{agent.Id}' is used twice.");
            }

            if (string.IsNullOrWhiteSpace(agent.Name))
            {
                errors.Add($"{key}:Name is required (it is what customers' cases show as the agent).");
            }

            if (!string.IsNullOrEmpty(agent.Password))
            {
                errors.Add($"{key}:Password is not accepted: store only a hash in {key}:PasswordHash (dotnet run --project bot -- hash-password).");
            }

            if (!AgentPasswords.IsWellFormedHash(agent.PasswordHash))
            {
                errors.Add($"{key}:PasswordHash must be a hash printed by 'dotnet run --project bot -- hash-password'.");
            }
        }

        if (MaxFailedSignIns < 1)
        {
            errors.Add($"{SectionName}:MaxFailedSignIns must be at least 1.");
        }

        if (MaxFailedSignInsPerAddress < 1)
        {
            errors.Add($"{SectionName}:MaxFailedSignInsPerAddress must be at least 1.");
        }

        if (LockoutDuration <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:LockoutDuration must be positive.");
        }

        if (SessionLifetime < TimeSpan.FromMinutes(1) || SessionLifetime > TimeSpan.FromDays(7))
        {
            errors.Add($"{SectionName}:SessionLifetime must be between 00:01:00 and 7.00:00:00.");
        }

        return errors;
    }
}

/// <summary>One agent who may sign in to the desk.</summary>
public sealed class AgentAccount
{
    /// <summary>What the agent types to sign in, e.g. <c>ana</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name the desk and the other hubs show, e.g. <c>Ana Lopez</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The password hash from the <c>hash-password</c> verb (ASP.NET Core Identity's PBKDF2 format).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>Never used: bound only so that a plain-text password in the configuration stops the host.</summary>
    public string? Password { get; set; }
}
