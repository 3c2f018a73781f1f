/** An optional absolute http(s) URL: blank, or `http(s)://` followed by no white space. */
export function validateOptionalHttpUrl(value: string | null | undefined): true | string {
  return value == null || value === '' || /^https?:\/\/\S+$/.test(value) ? true : 'Enter an absolute http(s) URL.'
}
