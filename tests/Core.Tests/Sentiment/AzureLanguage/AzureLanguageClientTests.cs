using System.Net;
using System.Net.Http.Headers;
using SupportBot.Core.Sentiment.AzureLanguage.Client;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

public sealed class AzureLanguageClientTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("retry-after-ms", "1500", 1500)]
    [InlineData("x-ms-retry-after-ms", "250", 250)]
    [InlineData("Retry-After", "7", 7000)]
    public void ReadRetryAfter_Header_ReturnsRequestedDelay(string header, string value, int expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), AzureLanguageClient.ReadRetryAfter(response, Now));
    }

    [Fact]
    public void ReadRetryAfter_MillisecondsAndSeconds_PrefersMilliseconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "2");
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1800");

        Assert.Equal(TimeSpan.FromMilliseconds(1800), AzureLanguageClient.ReadRetryAfter(response, Now));
    }

    [Fact]
    public void ReadRetryAfter_HttpDate_ReturnsTimeUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), AzureLanguageClient.ReadRetryAfter(response, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void ReadRetryAfter_MissingOrUnreadable_ReturnsNull(string? value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (value is not null)
        {
            response.Headers.TryAddWithoutValidation("retry-after-ms", value);
        }

        Assert.Null(AzureLanguageClient.ReadRetryAfter(response, Now));
    }

    [Theory]
    [InlineData("https://x.cognitiveservices.azure.com", "https://x.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01")]
    [InlineData("https://x.cognitiveservices.azure.com/", "https://x.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01")]
    public void BuildRequestUri_Endpoint_AppendsAnalyzeTextPath(string endpoint, string expected)
    {
        Assert.Equal(expected, AzureLanguageClient.BuildRequestUri(endpoint, "2023-04-01").AbsoluteUri);
    }
}
