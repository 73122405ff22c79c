using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Bot.Host.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details: bad input is a 400 naming
/// what was wrong, anything else is a logged 500 that reveals nothing internal.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Bad request",
                Detail = bad.Message,
            },
            Bot.Handoff.HandoffRuleException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not allowed now",
                Detail = rule.Message,
            },
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Changed meanwhile",
                Detail = "Someone else changed this at the same moment; reload and try again.",
            },
            _ => null,
        };
        if (problem is null)
        {
            logger.UnhandledException(context.Request.Method, context.Request.Path, exception);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Internal server error" };
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
