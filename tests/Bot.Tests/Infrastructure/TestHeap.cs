using SupportBot.Core.Knowledge;
using SupportBot.Core.State;
using SupportBot.Core.Storage;
using SupportBot.Core.Support;
using SupportBot.Dialogs.Heap;
using SupportBot.Dialogs.Heap.Actions;
using SupportBot.Dialogs.Heap.FollowUp;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Plugins;
using SupportBotBot = SupportBot.Bot.Conversation.SupportBot;

namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>
/// The HEAP bot over a given storage with the embedded defaults: the shipped articles (indexed once per
/// test run) and the support services in memory with the demo data.
/// </summary>
internal static class TestHeap
{
    private static readonly Lazy<LuceneKnowledgeBase> Knowledge = new(() => LuceneKnowledgeBase.FromEmbeddedSample());

    public static SupportBotBot CreateBot(IStorage storage, TimeProvider time)
    {
        var policy = new ServicePolicyOptions();
        ServicePolicyDefaults.Apply(policy);
        var support = SupportServices.OpenInMemory(time);
        var kernel = SupportKernel.Create(SupportPluginServices.From(Knowledge.Value, support, () => policy.RefundLimit));
        var services = new HeapServices(policy, new KernelSupportActions(kernel), new ConversationState(storage), new UserState(storage), new FollowUpStore(storage), time);
        return new SupportBotBot(new HeapConversation(services));
    }
}
