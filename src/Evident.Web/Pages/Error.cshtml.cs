using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Web.Pages;

/// <summary>What a person sees for a missing page or a failure; the failure's details go to the server's log only.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Detail { get; private set; } = "The server could not answer; the details are in its log.";

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    private PageResult Show(int? status)
    {
        bool failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!failed && status == StatusCodes.Status404NotFound)
        {
            Title = "Not found";
            Detail = "There is no page at this address.";
        }

        Response.StatusCode = failed ? 500 : status ?? 500;
        return Page();
    }
}
