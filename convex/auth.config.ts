// Clerk as the web app's identity provider: ctx.auth.getUserIdentity().subject is the
// Clerk user id (users.tokenIdentifier). Deploying these functions must keep it, or every
// web call would be signed out. The live web app's deployment sets CONVEX_CLERK_ISSUER_URL
// (Clerk dashboard → JWT templates → "convex" → Issuer); CLERK_JWT_ISSUER_DOMAIN, the
// name this project used before, is still read when the new one is not set.
const issuer = process.env.CONVEX_CLERK_ISSUER_URL ?? process.env.CLERK_JWT_ISSUER_DOMAIN;

export default {
  providers: [
    {
      domain: issuer,
      applicationID: "convex",
    },
  ],
};
