using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Host.Infrastructure;

/// <summary>
/// One place that turns exceptions into ProblemDetails: a broken rule → 422 with its rule ID and field
/// errors (409 for concurrency), not found or out of scope → 404, not signed in → 401, the rest → logged 500.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Describe(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception.GetType().Name, httpContext.TraceIdentifier, exception);
        }

        // The middleware has already rewritten Request.Path to ExceptionHandlingPath (/Error): ask for the original.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // Pages: re-executed on /Error, which shows a Chinese message for the status code.
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is DomainRuleException rule)
        {
            problem.Extensions["ruleId"] = rule.RuleId;
            problem.Extensions["errors"] = rule.Errors.Select(e => new { field = e.Field, ruleId = e.RuleId, message = e.Message }).ToList();
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static int StatusFor(Exception exception) => Describe(exception).Status;

    private static (int Status, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        DomainRuleException { RuleId: "CONCURRENCY" } e => (StatusCodes.Status409Conflict, "数据已被修改", e.Message),
        DomainRuleException { IsConflict: true } e => (StatusCodes.Status409Conflict, "与当前状态冲突", e.Message),
        DomainRuleException e => (StatusCodes.Status422UnprocessableEntity, "不符合规则", e.Message),
        NotFoundException => (StatusCodes.Status404NotFound, "未找到", "未找到该对象，或您无权查看"),
        ForbiddenException f => (StatusCodes.Status403Forbidden, "无权操作", f.Message),
        Sanxiang.Documents.ChromiumUnavailableException c => (StatusCodes.Status503ServiceUnavailable, "暂不可用", c.Message),
        UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, "未登录", "请先登录"),
        BadHttpRequestException b => (b.StatusCode, "请求格式错误", "请求格式错误，请检查提交的数据"),
        _ => (StatusCodes.Status500InternalServerError, "服务器错误", "服务器内部错误，请稍后再试"),
    };

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} for request {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string traceId, Exception exception);
}
