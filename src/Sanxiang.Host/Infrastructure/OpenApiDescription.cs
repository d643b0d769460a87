using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sanxiang.Host.Infrastructure;

/// <summary>Title, description and the two ways to authenticate (browser cookie, X-Api-Key) in /openapi/v1.json.</summary>
public sealed class OpenApiDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "三项 Sanxiang API",
            Version = "v1",
            Description = "行政执法三项制度平台的接口。错误以 ProblemDetails（application/problem+json）返回，detail 为中文说明，ruleId 为所违反规则的编号。"
                + "接口客户端在请求头 X-Api-Key 中提供密钥（限定一个执法主体）；浏览器会话使用登录 Cookie。",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "接口密钥：sx_{前缀}_{密钥}，由系统管理员在“接口密钥”页面创建",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
