using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Features;

/// <summary>
/// Import (multipart field "file", .csv or .xlsx) and export (?format=csv|xlsx) of officers and powers.
/// An import answers 200 with the <see cref="ImportResult"/> when every row was applied, or 422 with the
/// rejected rows in the "errors" extension when none was.
/// </summary>
internal static class ImportExportEndpoints
{
    /// <summary>Room for the multipart framing around the largest accepted file.</summary>
    private const long MaxUploadBytes = TabularReader.MaxBytes + (1024 * 1024);

    internal static void MapImportExport(RouteGroupBuilder api)
    {
        api.MapPost("/officers/import", async (Guid agencyId, IFormFile? file, OfficerImport handler, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            return await ImportAsync(file, stream => handler.ImportAsync(scope, agencyId, stream, file!.FileName, ct));
        }).DisableAntiforgery().WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes);

        api.MapPost("/powers/import", async (Guid agencyId, IFormFile? file, PowerImport handler, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            return await ImportAsync(file, stream => handler.ImportAsync(scope, agencyId, stream, file!.FileName, ct));
        }).DisableAntiforgery().WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes);

        api.MapGet("/officers/export", async (Guid? agencyId, string? format, OfficerExport handler, IAccessScopeProvider s, CancellationToken ct) =>
            TabularFormats.TryParse(format, out var f)
                ? File(await handler.ExportAsync(await s.GetAsync(ct), agencyId, f, ct))
                : BadFormat());

        api.MapGet("/powers/export", async (Guid? agencyId, string? format, PowerExport handler, IAccessScopeProvider s, CancellationToken ct) =>
            TabularFormats.TryParse(format, out var f)
                ? File(await handler.ExportAsync(await s.GetAsync(ct), agencyId, f, ct))
                : BadFormat());
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(IFormFile? file, Func<Stream, Task<ImportResult>> import)
    {
        if (file is null)
        {
            return Rejected(ImportResult.Rejected([new ImportError(0, string.Empty, "请选择要导入的文件（表单字段 file）")]));
        }

        await using var stream = file.OpenReadStream();
        var result = await import(stream);
        return result.Applied ? TypedResults.Ok(result) : Rejected(result);
    }

    private static ProblemHttpResult Rejected(ImportResult result) => TypedResults.Problem(
        title: "导入未完成：文件中有错误，未导入任何数据",
        detail: result.Errors.Count == 1 ? result.Errors[0].Message : $"共 {result.Errors.Count} 处错误，请修改后重新导入",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ruleId"] = "IMPORT-REJECTED",
            ["errors"] = result.Errors,
        });

    private static Results<FileContentHttpResult, ProblemHttpResult> File(ExportFile file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static Results<FileContentHttpResult, ProblemHttpResult> BadFormat() =>
        TypedResults.Problem(title: "导出格式无效", detail: "导出格式须为 csv 或 xlsx", statusCode: StatusCodes.Status422UnprocessableEntity);
}
