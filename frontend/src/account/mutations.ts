import { graphql } from '../graphql';

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      person {
        id
        name
        roles
      }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      refreshToken
      person {
        id
        name
        roles
      }
    }
  }
`);

/** The one-time code of a single sign-on (`/signed-in#code=…`), traded for a session. */
export const ExchangeSignInCodeMutation = graphql(`
  mutation ExchangeSignInCode($input: ExchangeSignInCodeInput!) {
    exchangeSignInCode(input: $input) {
      accessToken
      refreshToken
      person {
        id
        name
        roles
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut($input: SignOutInput) {
    signOut(input: $input) {
      signedOut
    }
  }
`);

/** Everything the service holds about the signed-in person (recorded in the audit trail). */
export const ExportMyDataMutation = graphql(`
  mutation ExportMyData {
    exportMyData {
      exportedAt
      json
      tables {
        name
        rows
        csv
      }
    }
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) {
      deleted
      kept {
        what
        count
        reason
      }
    }
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      person {
        id
        emailVerified
      }
    }
  }
`);

export const ResendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail {
      sent
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      accepted
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      person {
        id
      }
    }
  }
`);

/** Every other session ends: this one goes on with the tokens returned. */
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      accessToken
      refreshToken
      person {
        id
      }
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      person {
        id
        name
        profession
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const ChangeEmailMutation = graphql(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input) {
      pending
    }
  }
`);

export const ConfirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    confirmEmailChange(input: $input) {
      person {
        id
        email
      }
    }
  }
`);

export const SignOutSessionMutation = graphql(`
  mutation SignOutSession($input: SignOutSessionInput!) {
    signOutSession(input: $input) {
      signedOut
    }
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere {
      signedOut
    }
  }
`);
