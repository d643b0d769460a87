using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sanxiang.Host.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = "服务器内部错误，请稍后再试。";

    public void OnGet(int? code) => Set(code ?? Response.StatusCode);

    public void OnPost(int? code) => Set(code ?? Response.StatusCode);

    private void Set(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("未找到", "您访问的页面或对象不存在，或您无权查看。"),
            403 => ("无权访问", "您的角色无权使用该功能。"),
            400 => ("请求有误", "请求格式错误，请返回后重试。"),
            _ => ("出错了", "服务器内部错误，请稍后再试。"),
        };
    }
}
