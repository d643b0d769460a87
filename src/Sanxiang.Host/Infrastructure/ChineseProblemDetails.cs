using Microsoft.AspNetCore.Http;

namespace Sanxiang.Host.Infrastructure;

/// <summary>Chinese titles and details for the API's ProblemDetails that the framework writes (401, 404, 405, 415, …).</summary>
public static class ChineseProblemDetails
{
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var (title, detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("请求格式错误", "请求格式错误，请检查提交的数据"),
            StatusCodes.Status401Unauthorized => ("未登录", "请先登录，或提供有效的接口密钥（X-Api-Key）"),
            StatusCodes.Status403Forbidden => ("无权访问", "您的角色无权使用该功能"),
            StatusCodes.Status404NotFound => ("未找到", "未找到该对象，或您无权查看"),
            StatusCodes.Status405MethodNotAllowed => ("不支持的请求方法", "该地址不支持此请求方法"),
            StatusCodes.Status409Conflict => ("数据已被修改", "数据已被他人修改，请刷新后再试"),
            StatusCodes.Status413PayloadTooLarge => ("请求过大", "上传的内容超过大小限制"),
            StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型", "请求的内容类型不受支持，请使用 application/json"),
            StatusCodes.Status422UnprocessableEntity => ("不符合规则", "提交的数据不符合规则"),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁", "请求过于频繁，请稍后再试"),
            _ => ("服务器错误", "服务器内部错误，请稍后再试"),
        };

        // Keep what a handler wrote on purpose; replace the framework's English defaults.
        if (string.IsNullOrEmpty(problem.Title) || problem.Title.All(char.IsAscii))
        {
            problem.Title = title;
        }

        problem.Detail ??= detail;
    }
}
