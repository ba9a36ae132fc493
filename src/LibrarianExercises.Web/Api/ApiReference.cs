namespace LibrarianExercises.Web.Api;

/// <summary>
/// The address of the API's reference for people (<see cref="ApiReferenceController"/>): the one page under
/// <c>/api</c>, written in every language of the site like its other pages. Nothing below it exists.
/// </summary>
internal static class ApiReference
{
    public const string Path = ApiEndpoints.Prefix + "/reference";

    public static bool IsReferencePath(string path) =>
        path.Equals(Path, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Path + "/", StringComparison.OrdinalIgnoreCase);

    public static bool IsReferencePath(PathString path) => path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);
}
