using SupportBot.Connectors.X.Auth;

namespace SupportBot.Social.Tests.X;

public sealed class OAuth1SignerTests
{
    [Fact]
    public void Sign_TheDocumentedExample_GivesTheDocumentedSignature()
    {
        // X's "Creating a signature" walkthrough (the status update example).
        var parameters = new Dictionary<string, string>
        {
            ["status"] = "Hello Ladies + Gentlemen, a signed OAuth request!",
            ["include_entities"] = "true",
            ["oauth_consumer_key"] = "xvz1evFS4wEEPTGEFPHBog",
            ["oauth_nonce"] = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "1318622958",
            ["oauth_token"] = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            ["oauth_version"] = "1.0",
        };

        // The base URL leaves the query out; its parameters are signed with the rest.
        var signature = OAuth1Signer.Sign(HttpMethod.Post, new Uri("https://api.twitter.com/1/statuses/update.json?include_entities=true"),
            parameters, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

        Assert.Equal("tnnArxj06cWHq44gCs1OSKk/jLY=", signature);
    }

    [Fact]
    public void AuthorizationHeader_QueryParametersSigned_HeaderCarriesEveryOAuthField()
    {
        var header = OAuth1Signer.AuthorizationHeader(HttpMethod.Get, new Uri("https://api.x.com/2/users/1/mentions?max_results=5&since_id=9"), [],
            "ck", "cs", "tk", "ts", "nonce1", 1_700_000_000);

        Assert.StartsWith("OAuth ", header);
        foreach (var field in new[] { "oauth_consumer_key=\"ck\"", "oauth_nonce=\"nonce1\"", "oauth_signature_method=\"HMAC-SHA1\"", "oauth_timestamp=\"1700000000\"", "oauth_token=\"tk\"", "oauth_version=\"1.0\"", "oauth_signature=" })
        {
            Assert.Contains(field, header, StringComparison.Ordinal);
        }

        var expected = OAuth1Signer.Sign(HttpMethod.Get, new Uri("https://api.x.com/2/users/1/mentions"),
            new Dictionary<string, string>
            {
                ["max_results"] = "5", ["since_id"] = "9", ["oauth_consumer_key"] = "ck", ["oauth_nonce"] = "nonce1",
                ["oauth_signature_method"] = "HMAC-SHA1", ["oauth_timestamp"] = "1700000000", ["oauth_token"] = "tk", ["oauth_version"] = "1.0",
            }, "cs", "ts");
        Assert.Contains($"oauth_signature=\"{OAuth1Signer.Encode(expected)}\"", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    [InlineData("a-b.c_d~e", "a-b.c_d~e")]
    [InlineData("☃", "%E2%98%83")]
    public void Encode_Rfc3986(string value, string expected) => Assert.Equal(expected, OAuth1Signer.Encode(value));
}
