using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using SupportBot.Bot.Conversation;
using SupportBot.Bot.Storage;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Support;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap;
using SupportBot.Dialogs.Heap.Actions;
using SupportBot.Dialogs.Heap.Burst;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Plugins;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers the HEAP support conversation as the bot, with the service policy from <c>Policy</c>.</summary>
public static class HeapExtensions
{
    /// <summary>
    /// Binds and validates <c>Policy</c> (a bad value stops the host naming the key), registers the HEAP
    /// conversation, its business actions over the Semantic Kernel plugins, the follow-up store and
    /// <see cref="TicketResolutionNotifier"/> with the background poll that calls it for tickets resolved
    /// elsewhere (<see cref="TicketFollowUpService"/>), and makes <see cref="Conversation.SupportBot"/> the
    /// <see cref="IBot"/>. Called by <c>AddBotRuntime</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHeap(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ServicePolicyOptions>()
            .Bind(builder.Configuration.GetSection(ServicePolicyOptions.SectionName))
            .PostConfigure(ServicePolicyDefaults.Apply)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServicePolicyOptions>, ServicePolicyValidator>();
        AddEmbeddedSupportFallback(services);
        services.TryAddSingleton<ISupportActions>(sp => new KernelSupportActions(sp.GetRequiredService<Kernel>()));
        services.TryAddSingleton(sp => new FollowUpStore(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new HeapServices(
            sp.GetRequiredService<IOptions<ServicePolicyOptions>>().Value,
            sp.GetRequiredService<ISupportActions>(),
            sp.GetRequiredService<Core.State.ConversationState>(),
            sp.GetRequiredService<Core.State.UserState>(),
            sp.GetRequiredService<FollowUpStore>(),
            sp.GetRequiredService<TimeProvider>())
        {
            Handoff = sp.GetService<Core.Handoff.HandoffService>(),
        });
        services.TryAddSingleton(sp => new BurstScheduler(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new HeapConversation(sp.GetRequiredService<HeapServices>(), sp.GetRequiredService<BurstScheduler>()));
        services.TryAddSingleton<TicketResolutionNotifier>();
        services.TryAddSingleton<Core.Handoff.IHandoffBot>(sp => sp.GetRequiredService<HeapConversation>());
        services.AddHostedService<TicketFollowUpService>();
        services.RemoveAll<IBot>();
        services.AddSingleton<IBot, Conversation.SupportBot>();
        return builder;
    }

    /// <summary>
    /// The support kernel over the embedded defaults (the shipped articles, the support tables in the bot's
    /// SQLite file or in memory), for hosts that register no <see cref="Kernel"/> of their own. A host that
    /// does (the support wiring) wins: these are only added when nothing is registered yet, and a later
    /// registration replaces them.
    /// </summary>
    private static void AddEmbeddedSupportFallback(IServiceCollection services)
    {
        services.TryAddSingleton<IKnowledgeBase>(_ => LuceneKnowledgeBase.FromEmbeddedSample());
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().ConnectionString is { } file
            ? SupportServices.Open(file, sp.GetRequiredService<TimeProvider>())
            : SupportServices.OpenInMemory(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<SupportServices>().Tickets);
        services.TryAddSingleton(sp =>
        {
            var policy = sp.GetRequiredService<IOptionsMonitor<ServicePolicyOptions>>();
            return SupportKernel.Create(SupportPluginServices.From(
                sp.GetRequiredService<IKnowledgeBase>(), sp.GetRequiredService<SupportServices>(), () => policy.CurrentValue.RefundLimit));
        });
    }
}
