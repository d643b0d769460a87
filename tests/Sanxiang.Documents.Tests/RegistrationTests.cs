using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sanxiang.Documents.Tests;

public sealed class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDocumentRendering(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task AddDocumentRendering_BindsTheDocumentsSection_AndSharesOnePrinter()
    {
        await using var services = Build(new() { ["Documents:ChromiumPath"] = "/opt/chromium", ["Documents:MaxConcurrentPdf"] = "3" });
        var options = services.GetRequiredService<IOptions<DocumentRenderingOptions>>().Value;
        (options.ChromiumPath, options.MaxConcurrentPdf).ShouldBe(("/opt/chromium", 3));
        services.GetRequiredService<PdfPrinter>().ShouldBeSameAs(services.GetRequiredService<PdfPrinter>());
    }

    [Fact]
    public async Task Defaults_AreDebiansChromium_AndTwoConcurrentPdfs()
    {
        await using var services = Build([]);
        var options = services.GetRequiredService<IOptions<DocumentRenderingOptions>>().Value;
        (options.ChromiumPath, options.MaxConcurrentPdf).ShouldBe(("/usr/bin/chromium", 2));
    }

    [Fact]
    public async Task ZeroConcurrentPdfs_IsRejectedByValidation()
    {
        await using var services = Build(new() { ["Documents:MaxConcurrentPdf"] = "0" });
        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<DocumentRenderingOptions>>().Value);
    }
}
