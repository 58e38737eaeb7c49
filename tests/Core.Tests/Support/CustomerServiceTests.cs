using SupportBot.Core.Support;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Core.Tests.Support;

public sealed class CustomerServiceTests : IDisposable
{
    private static readonly ChannelIdentity Stranger = new("webchat", "visitor-77");

    private readonly SupportTestContext _context = new(new SupportServicesOptions { CodeLifetime = TimeSpan.FromMinutes(10), MaxCodeAttempts = 3 });

    private ICustomerService Customers => _context.Services.Customers;

    [Fact]
    public async Task LookupAsync_LinkedIdentity_ReturnsNameOpenTicketsAndLastOutcome()
    {
        var sam = await Customers.LookupAsync(new ChannelIdentity("WebChat", " webchat-sam "));

        Assert.NotNull(sam);
        Assert.Equal("C-1001", sam.CustomerId);
        Assert.Equal("Sam", sam.FirstName);
        Assert.Equal("T-1042", Assert.Single(sam.OpenTickets).Reference);
        Assert.Equal("resolved-after-follow-up", sam.LastOutcome);
        Assert.Contains(new ChannelIdentity("email", "sam.rivera@example.com"), sam.Identities);
    }

    [Fact]
    public async Task LookupAsync_EmailChannelSender_IsRecognised()
    {
        Assert.Equal("C-1003", (await Customers.LookupAsync(new ChannelIdentity("email", "Tom.Becker@Example.net")))?.CustomerId);
    }

    [Fact]
    public async Task LookupAsync_TypedEmailOnAnotherChannel_IsNotRecognised()
    {
        Assert.Null(await Customers.LookupAsync(new ChannelIdentity("webchat", "sam.rivera@example.com")));
        Assert.Null(await Customers.LookupAsync(Stranger));
    }

    [Fact]
    public async Task VerifyCodeAsync_RightCode_VerifiesOnce()
    {
        var code = await Customers.IssueCodeAsync(Stranger, "Sam.Rivera@example.com ");
        Assert.NotNull(code);
        Assert.Equal("sam.rivera@example.com", code.Address);
        Assert.Matches("^[0-9]{6}$", code.Code);
        Assert.Equal(SupportTestContext.Start.AddMinutes(10), code.ExpiresAt);

        var first = await Customers.VerifyCodeAsync(Stranger, code.Code);
        var reuse = await Customers.VerifyCodeAsync(Stranger, code.Code);

        Assert.Equal(VerificationStatus.Verified, first.Status);
        Assert.Equal("C-1001", first.CustomerId);
        Assert.Equal(VerificationStatus.AlreadyUsed, reuse.Status);
        Assert.Null(reuse.CustomerId);
    }

    [Fact]
    public async Task VerifyCodeAsync_WrongCode_CountsAttemptsThenLocks()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        var wrong = code.Code == "000000" ? "111111" : "000000";

        var first = await Customers.VerifyCodeAsync(Stranger, wrong);
        var second = await Customers.VerifyCodeAsync(Stranger, wrong);
        var third = await Customers.VerifyCodeAsync(Stranger, wrong);
        var right = await Customers.VerifyCodeAsync(Stranger, code.Code);

        Assert.Equal((VerificationStatus.WrongCode, 2), (first.Status, first.AttemptsLeft));
        Assert.Equal((VerificationStatus.WrongCode, 1), (second.Status, second.AttemptsLeft));
        Assert.Equal(VerificationStatus.TooManyAttempts, third.Status);
        Assert.Equal(VerificationStatus.TooManyAttempts, right.Status);
    }

    [Fact]
    public async Task VerifyCodeAsync_AfterLifetime_IsExpired()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        _context.Time.Advance(TimeSpan.FromMinutes(10));

        var result = await Customers.VerifyCodeAsync(Stranger, code.Code);

        Assert.Equal(VerificationStatus.Expired, result.Status);
    }

    [Fact]
    public async Task VerifyCodeAsync_JustBeforeExpiry_Verifies()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        _context.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.True((await Customers.VerifyCodeAsync(Stranger, code.Code)).Verified);
    }

    [Fact]
    public async Task VerifyCodeAsync_CodeIssuedToSomeoneElse_IsNotAccepted()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;

        var result = await Customers.VerifyCodeAsync(new ChannelIdentity("webchat", "someone-else"), code.Code);

        Assert.Equal(VerificationStatus.NoCodeIssued, result.Status);
    }

    [Fact]
    public async Task IssueCodeAsync_NewCode_ReplacesThePreviousOne()
    {
        var old = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        var fresh = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;

        if (old.Code != fresh.Code)
        {
            Assert.Equal(VerificationStatus.WrongCode, (await Customers.VerifyCodeAsync(Stranger, old.Code)).Status);
        }

        Assert.True((await Customers.VerifyCodeAsync(Stranger, fresh.Code)).Verified);
    }

    [Theory]
    [InlineData("nobody@example.com")]
    [InlineData("")]
    [InlineData("not an address")]
    public async Task IssueCodeAsync_AddressNotOnFile_ReturnsNull(string address)
    {
        Assert.Null(await Customers.IssueCodeAsync(Stranger, address));
    }

    [Fact]
    public void VerificationCode_ToString_RedactsTheCode()
    {
        var code = new VerificationCode("sam@example.com", "123456", SupportTestContext.Start);

        Assert.DoesNotContain("123456", code.ToString());
    }

    [Fact]
    public async Task LinkIdentityAsync_WithoutVerification_IsRefused()
    {
        var result = await Customers.LinkIdentityAsync(Stranger, "C-1001");

        Assert.Equal(LinkResult.NotVerified, result);
        Assert.Null(await Customers.LookupAsync(Stranger));
    }

    [Fact]
    public async Task LinkIdentityAsync_AfterVerification_LinksAndLookupFindsCustomer()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        await Customers.VerifyCodeAsync(Stranger, code.Code);

        var result = await Customers.LinkIdentityAsync(Stranger, "C-1001");

        Assert.Equal(LinkResult.Linked, result);
        Assert.Equal("C-1001", (await Customers.LookupAsync(Stranger))?.CustomerId);
        Assert.Equal(LinkResult.AlreadyLinked, await Customers.LinkIdentityAsync(Stranger, "C-1001"));
    }

    [Fact]
    public async Task LinkIdentityAsync_VerifiedForAnotherCustomer_IsRefused()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        await Customers.VerifyCodeAsync(Stranger, code.Code);

        Assert.Equal(LinkResult.NotVerified, await Customers.LinkIdentityAsync(Stranger, "C-1002"));
    }

    [Fact]
    public async Task LinkIdentityAsync_VerificationTooOld_IsRefused()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        await Customers.VerifyCodeAsync(Stranger, code.Code);
        _context.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(LinkResult.NotVerified, await Customers.LinkIdentityAsync(Stranger, "C-1001"));
    }

    [Fact]
    public async Task LinkIdentityAsync_FailedVerification_IsRefused()
    {
        var code = (await Customers.IssueCodeAsync(Stranger, "sam.rivera@example.com"))!;
        await Customers.VerifyCodeAsync(Stranger, code.Code == "000000" ? "111111" : "000000");

        Assert.Equal(LinkResult.NotVerified, await Customers.LinkIdentityAsync(Stranger, "C-1001"));
    }

    [Fact]
    public async Task LinkIdentityAsync_IdentityOfAnotherCustomer_IsRefused()
    {
        var mei = new ChannelIdentity("webchat", "webchat-mei");
        var code = (await Customers.IssueCodeAsync(mei, "sam.rivera@example.com"))!;
        await Customers.VerifyCodeAsync(mei, code.Code);

        Assert.Equal(LinkResult.LinkedToAnotherCustomer, await Customers.LinkIdentityAsync(mei, "C-1001"));
        Assert.Equal(LinkResult.UnknownCustomer, await Customers.LinkIdentityAsync(mei, "C-9999"));
    }

    [Fact]
    public async Task RegisterAsync_NewIdentity_CreatesCustomerRememberedNextTime()
    {
        var created = await Customers.RegisterAsync(Stranger, "Alex Morgan");

        Assert.Equal("C-1006", created.CustomerId);
        Assert.Equal("Alex", created.FirstName);
        Assert.Equal([Stranger], created.Identities);
        Assert.Equal("C-1006", (await Customers.LookupAsync(Stranger))?.CustomerId);
        Assert.Equal("Alex Morgan", (await Customers.RegisterAsync(Stranger, "Someone Else")).Name);
    }

    [Fact]
    public async Task RecordOutcomeAsync_Customer_IsShownOnNextLookup()
    {
        _context.Time.Advance(TimeSpan.FromHours(1));

        await Customers.RecordOutcomeAsync("C-1003", "resolved-first-contact");

        var tom = await Customers.GetAsync("C-1003");
        Assert.Equal("resolved-first-contact", tom?.LastOutcome);
        Assert.Equal(SupportTestContext.Start.AddHours(1), tom?.LastOutcomeAt);
    }

    public void Dispose() => _context.Dispose();
}
