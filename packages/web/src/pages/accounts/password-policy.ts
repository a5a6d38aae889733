/** The server enforces the policy; the forms only state it, so there is one rule to maintain. */
export const PASSWORD_POLICY_HELP =
  '至少 12 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不得包含用户名，不得是常用密码。'
