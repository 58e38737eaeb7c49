using System.ComponentModel;
using Microsoft.SemanticKernel;
using SupportBot.Core.Knowledge;

namespace SupportBot.Dialogs.Plugins;

/// <summary>The knowledge base as a Semantic Kernel plugin (<see cref="SupportPluginNames.KnowledgeBase"/>).</summary>
public sealed class KnowledgeBasePlugin(IKnowledgeBase knowledgeBase)
{
    /// <summary>The article answering <paramref name="question"/>, or null when none fits confidently.</summary>
    [KernelFunction(SupportFunctionNames.Search)]
    [Description("Finds the help article that answers a customer's question and returns its title and answer paragraph; returns null when no article fits confidently.")]
    public Task<KnowledgeAnswer?> SearchAsync(
        [Description("The customer's question in their own words.")] string question,
        CancellationToken cancellationToken = default) =>
        knowledgeBase.SearchAsync(question, cancellationToken);
}
