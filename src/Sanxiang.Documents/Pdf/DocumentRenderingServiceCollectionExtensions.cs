using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sanxiang.Documents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the document renderers' one stateful service, <see cref="PdfPrinter"/>.</summary>
public static class DocumentRenderingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DocumentRenderingOptions"/> to the <c>Documents</c> section (validated at start) and adds
    /// <see cref="PdfPrinter"/> as a singleton: its browser starts on the first PDF and stops when the host stops.
    /// </summary>
    public static IServiceCollection AddDocumentRendering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DocumentRenderingOptions>()
            .Bind(configuration.GetSection(DocumentRenderingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<PdfPrinter>();
        return services;
    }
}
