using Microsoft.SemanticKernel;
using SupportBot.Core.Support;
using SupportBot.Core.Support.Refunds;
using SupportBot.Core.Support.Tickets;
using SupportBot.Dialogs.Plugins;

namespace SupportBot.Dialogs.Tests.Heap.Infrastructure;

/// <summary>
/// The real support plugins in a real <see cref="Kernel"/> over the embedded services (in-memory SQLite with
/// the demo data: Sam Rivera is C-1001 with order 4411 and open ticket T-1042), a keyword knowledge base,
/// and recorders that show which tickets and refunds the dialog created.
/// </summary>
internal sealed class TestSupport : IDisposable
{
    private readonly SupportServices _services;

    public TestSupport(TimeProvider time, Func<decimal> refundLimit)
    {
        _services = SupportServices.OpenInMemory(time);
        TicketService = new RecordingTickets(_services.Tickets);
        RefundService = new RecordingRefunds(_services.Refunds);
        var plugins = new SupportPluginServices(KnowledgeBase, _services.Orders, _services.Stock, TicketService, RefundService, _services.Customers, refundLimit);
        Kernel = SupportKernel.Create(plugins);
    }

    public Kernel Kernel { get; }

    public KeywordKnowledgeBase KnowledgeBase { get; } = new();

    public RecordingTickets TicketService { get; }

    public RecordingRefunds RefundService { get; }

    /// <summary>Tickets the conversation opened, oldest first.</summary>
    public List<Ticket> Tickets => TicketService.Created;

    public List<RefundResult> Refunds => RefundService.Requested;

    public void Dispose() => _services.Dispose();

    internal sealed class RecordingTickets(ITicketService inner) : ITicketService
    {
        public List<Ticket> Created { get; } = [];

        public async Task<Ticket> CreateAsync(TicketRequest request, CancellationToken cancellationToken = default)
        {
            var ticket = await inner.CreateAsync(request, cancellationToken);
            Created.Add(ticket);
            return ticket;
        }

        public Task<Ticket?> GetAsync(string reference, CancellationToken cancellationToken = default) => inner.GetAsync(reference, cancellationToken);

        public Task<Ticket?> ResolveAsync(string reference, string resolution, CancellationToken cancellationToken = default) => inner.ResolveAsync(reference, resolution, cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListOpenForCustomerAsync(string customerId, CancellationToken cancellationToken = default) => inner.ListOpenForCustomerAsync(customerId, cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListResolvedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => inner.ListResolvedSinceAsync(since, cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListResolvedForCustomerAsync(string customerId, int limit = 10, CancellationToken cancellationToken = default) => inner.ListResolvedForCustomerAsync(customerId, limit, cancellationToken);
    }

    internal sealed class RecordingRefunds(IRefundService inner) : IRefundService
    {
        public List<RefundResult> Requested { get; } = [];

        public async Task<RefundResult> RequestAsync(RefundRequest request, decimal maxAmount, CancellationToken cancellationToken = default)
        {
            var result = await inner.RequestAsync(request, maxAmount, cancellationToken);
            Requested.Add(result);
            return result;
        }

        public Task<Refund?> GetAsync(string reference, CancellationToken cancellationToken = default) => inner.GetAsync(reference, cancellationToken);
    }
}
