using Platform.Domain.Jobs;

namespace Platform.Application.Jobs;

/// <summary>Who may see a job: its submitter, Operators and Admins. To anyone else it does not exist.</summary>
public static class JobAccess
{
    public static bool SeesAllJobs(this ICurrentUser user) => (user.Roles & (Role.Operator | Role.Admin | Role.System)) != Role.None;

    public static bool CanSee(this ICurrentUser user, Job job) =>
        user.SeesAllJobs() || (user.UserId is { } id ? job.SubmittedByUserId == id : job.SubmittedBy == user.Name);

    public static IQueryable<Job> VisibleTo(this IQueryable<Job> jobs, ICurrentUser user)
    {
        if (user.SeesAllJobs())
        {
            return jobs;
        }

        var id = user.UserId;
        var name = user.Name;
        return id is not null ? jobs.Where(j => j.SubmittedByUserId == id) : jobs.Where(j => j.SubmittedBy == name);
    }

    public static async Task<Job> LoadVisibleJobAsync(this IPlatformDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is not null && user.CanSee(job) ? job : throw new NotFoundException("Job", id);
    }
}
