// Passwords and password stems that appear at the top of public breach lists (and their Estonian
// counterparts). A password is refused when it equals one of these, or is one of these followed
// only by digits and punctuation ("parool12345!"), or repeats a short pattern.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123123123123', '111111111111', '000000000000',
  '123456123456', '987654321098', '147258369147', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qwertyuiop12',
  'qwertyuiop123', 'qwertyuiopasdf', 'qwerty123456', 'qwertyqwerty', 'asdfghjkl123', 'asdfghjklöä',
  'zxcvbnm12345', 'passwordpassword', 'password1234', 'password12345', 'password123456',
  'password123!', 'iloveyou1234', 'trustno11234', 'letmein12345', 'welcome12345', 'administrator',
  'administraator', 'changeme1234', 'abcdefghijkl', 'abc123abc123', 'aaaaaaaaaaaa', 'football1234',
  'baseball1234', 'superman1234', 'starwars1234', 'sunshine1234', 'princess1234', 'dragon123456',
  'monkey123456', 'master123456', 'whatever1234', 'correcthorsebatterystaple', 'tere123456789',
  'parool123456', 'salasõna1234', 'salasona1234', 'turvarada123', 'turvarada2026', 'kasutaja1234',
  'eestivabariik', 'eestimaa1234', 'tallinn12345', 'tartu1234567', 'vallavalitsus', 'linnavalitsus',
  'omavalitsus1', 'kevad2026kevad', 'suvi20262026',
]);

/** Words that do not become strong by appending digits or symbols. */
export const COMMON_STEMS: ReadonlySet<string> = new Set([
  'password', 'passw0rd', 'parool', 'salasõna', 'salasona', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl',
  'zxcvbn', 'letmein', 'welcome', 'admin', 'administrator', 'administraator', 'iloveyou', 'monkey',
  'dragon', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'starwars', 'trustno1',
  'turvarada', 'kasutaja', 'tere', 'tallinn', 'tartu', 'eesti', 'eestimaa', 'vallavalitsus',
  'linnavalitsus', 'omavalitsus', 'changeme', 'abc', 'abcdef', 'test', 'testtest', 'kevad', 'suvi',
  'sügis', 'talv', 'jaanuar', 'veebruar', 'detsember',
]);
