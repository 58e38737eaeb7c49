using SupportBot.Core.Storage;

namespace SupportBot.Core.Tests.Storage;

public sealed class MemoryStorageTests : StorageConformanceTests
{
    protected override Task<TStore> CreateStoreAsync<TStore>() => Task.FromResult((TStore)(object)new MemoryStorage());
}
