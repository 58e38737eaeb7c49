using Microsoft.SemanticKernel;

namespace SupportBot.Dialogs.Plugins;

/// <summary>
/// Builds the <see cref="Kernel"/> the dialogs act through, with every support plugin registered under
/// <see cref="SupportPluginNames"/>. No model connector is needed: dialogs invoke functions by name (see
/// <see cref="SupportKernelExtensions"/>); customer text is only ever an argument value, never the choice
/// of function.
/// </summary>
public static class SupportKernel
{
    /// <summary>A new kernel with the support plugins.</summary>
    public static Kernel Create(SupportPluginServices services)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.Plugins.AddSupportPlugins(services);
        return kernel;
    }

    /// <summary>Adds the support plugins to an existing plugin collection (e.g. a kernel that also has a model).</summary>
    public static ICollection<KernelPlugin> AddSupportPlugins(this ICollection<KernelPlugin> plugins, SupportPluginServices services)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(services);
        plugins.AddFromObject(new KnowledgeBasePlugin(services.KnowledgeBase), SupportPluginNames.KnowledgeBase);
        plugins.AddFromObject(new OrdersPlugin(services.Orders, services.Stock), SupportPluginNames.Orders);
        plugins.AddFromObject(new TicketsPlugin(services.Tickets), SupportPluginNames.Tickets);
        plugins.AddFromObject(new RefundsPlugin(services.Refunds, services.RefundLimit), SupportPluginNames.Refunds);
        plugins.AddFromObject(new CustomersPlugin(services.Customers), SupportPluginNames.Customers);
        return plugins;
    }
}
