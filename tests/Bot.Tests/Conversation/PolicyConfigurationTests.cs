using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Extensions;
using SupportBot.Bot.Tests.Conversations.Infrastructure;
using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Bot.Tests.Conversation;

public sealed class PolicyConfigurationTests
{
    /// <summary>The <c>Policy</c> section proposed for appsettings.json.</summary>
    private const string PolicyJson = """
        {
          "Policy": {
            "BrandName": "Alder & Finch",
            "SignOff": "Thanks for shopping with Alder & Finch.",
            "Currency": "GBP",
            "RefundLimit": 200,
            "InactivityTimeout": "00:30:00",
            "Replacement": { "MaxOrderAgeDays": 30 },
            "AgentHours": {
              "Days": [ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" ],
              "Open": "09:00",
              "Close": "18:00",
              "TimeZone": "Europe/London"
            },
            "Issues": {
              "damaged":    { "Actions": [ "replacement", "refund", "callback" ], "SlaHours": 48 },
              "defective":  { "Actions": [ "replacement", "repair", "refund" ], "SlaHours": 72 },
              "wrong-item": { "Actions": [ "replacement", "refund" ], "SlaHours": 48 },
              "missing":    { "Actions": [ "replacement", "refund", "ticket" ], "SlaHours": 48 },
              "late":       { "Actions": [ "ticket", "callback" ], "SlaHours": 24, "KnowledgeFirst": true },
              "billing":    { "Actions": [ "refund", "ticket", "callback" ], "SlaHours": 72 },
              "account":    { "Actions": [ "ticket", "callback" ], "SlaHours": 24, "KnowledgeFirst": true },
              "other":      { "Actions": [ "ticket", "callback" ], "SlaHours": 48, "KnowledgeFirst": true }
            }
          }
        }
        """;

    [Fact]
    public void AddHeap_PolicySection_BindsEveryKey()
    {
        using var host = Build(b => b.Configuration.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PolicyJson))));

        var policy = host.Services.GetRequiredService<IOptions<ServicePolicyOptions>>().Value;

        Assert.Equal("Alder & Finch", policy.BrandName);
        Assert.Equal(200m, policy.RefundLimit);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.InactivityTimeout);
        Assert.Equal(6, policy.AgentHours.Days.Count);
        Assert.Equal(8, policy.Issues.Count);
        Assert.Equal(["replacement", "refund", "callback"], policy.For(IssueTypes.Damaged).Actions);
        Assert.True(policy.For(IssueTypes.Account).KnowledgeFirst);
        Assert.Empty(policy.Validate());
    }

    [Fact]
    public void AddHeap_NoPolicySection_UsesTheShippedDefaults()
    {
        using var host = Build(_ => { });

        var policy = host.Services.GetRequiredService<IOptions<ServicePolicyOptions>>().Value;

        Assert.Equal(8, policy.Issues.Count);
        Assert.Empty(policy.Validate());
    }

    [Fact]
    public async Task AddHeap_BadPolicy_FailsAtStartNamingTheKey()
    {
        using var host = Build(b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:RefundLimit"] = "-5",
            ["Policy:Issues:damaged:Actions:0"] = "teleport",
            ["Policy:Issues:other:Actions:0"] = "ticket",
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Policy:RefundLimit", error.Message);
        Assert.Contains("Policy:Issues:damaged:Actions", error.Message);
    }

    [Fact]
    public async Task Chat_PolicyFromConfiguration_ChangesWhatIsOffered()
    {
        var strict = new Dictionary<string, string?>
        {
            ["Policy:Issues:damaged:Actions:0"] = "callback",
            ["Policy:Issues:damaged:SlaHours"] = "120",
            ["Policy:Issues:other:Actions:0"] = "ticket",
        };

        var standard = await ChatRunner.RunAsync(["my order 4411 arrived damaged", "yes", "Call me back"]);
        var changed = await ChatRunner.RunAsync(["my order 4411 arrived damaged", "yes", "Call me back"], settings: strict);

        Assert.Equal(["Replacement", "Refund", "Call me back"], Expect.Offered(standard.LastActivity(1)));
        Assert.Equal(["Call me back"], Expect.Offered(changed.LastActivity(1)));
        Assert.Contains("within 2 days", standard.Reply(2));
        Assert.Contains("within 5 days", changed.Reply(2));
    }

    private static IHost Build(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.CreateTempSubdirectory("supportbot-policy-").FullName, Args = [] });
        configure(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" });
        builder.AddBotStorage();
        builder.AddBotRuntime();
        return builder.Build();
    }
}
